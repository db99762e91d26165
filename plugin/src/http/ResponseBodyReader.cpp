#include "http/ResponseBodyReader.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

#include "common/AsciiText.h"
#include "http/BodyInflater.h"
#include "http/HttpError.h"

namespace aifoundry::http {

namespace {

namespace ascii = common::ascii;

constexpr std::size_t kMaxChunkLine = 4096;  // a chunk-size line with extensions, or one trailer field

[[noreturn]] void tooLarge(const BodyLimits& limits) {
  throwError(ErrorReason::Rejected, limits.target + ": the response is larger than the " +
                                        std::to_string(limits.maxBytes) + "-byte limit; refused");
}

[[noreturn]] void malformed(const BodyLimits& limits, const std::string& what) {
  throwError(ErrorReason::Network, limits.target + ": the response is malformed (" + what + ")");
}

void checkControl(const CallControl& control, const BodyLimits& limits) {
  if (control.isInterrupted())
    throwError(ErrorReason::Interrupted, limits.target + ": interrupted while reading the response");
  if (control.expired())
    throwError(ErrorReason::Timeout,
               limits.target + ": the call's deadline passed while reading the response");
}

enum class Framing { None, Length, Chunked, UntilClose };

// RFC 9112 section 6.3, in the order it gives.
Framing framingOf(const BodySource& source, const BodyLimits& limits, std::size_t& length) {
  const int status = source.head.status;
  if (source.headRequest || (status >= 100 && status < 200) || status == 204 || status == 304)
    return Framing::None;
  if (const std::string* coding = source.head.headers.find("Transfer-Encoding")) {
    // Only "chunked" alone: a transfer coding under it (say "gzip, chunked") is not something ARM sends.
    const std::string value = ascii::toLower(ascii::trim(*coding));
    if (value != "chunked")
      malformed(limits, "transfer coding '" + value.substr(0, 40) + "' is not supported");
    return Framing::Chunked;
  }
  if (const std::string* declared = source.head.headers.find("Content-Length")) {
    // Several Content-Length fields that disagree make the framing ambiguous (RFC 9112 section 6.3).
    for (const auto& [name, value] : source.head.headers.entries())
      if (equalsIgnoreCase(name, "Content-Length") && value != *declared)
        malformed(limits, "conflicting Content-Length fields");
    if (declared->empty() || declared->size() > 18 ||
        declared->find_first_not_of("0123456789") != std::string::npos)
      malformed(limits, "Content-Length is not a number");
    length = static_cast<std::size_t>(std::stoull(*declared));
    return Framing::Length;
  }
  return Framing::UntilClose;
}

// Delivers decoded bytes to the sink, counting them against the limit.
class Delivery {
 public:
  Delivery(const BodySource& source, const BodyLimits& limits,
           const std::function<void(const char*, std::size_t)>& sink)
      : limits_(limits), sink_(sink) {
    const std::string* encoding = source.head.headers.find("Content-Encoding");
    const std::string coding = encoding ? ascii::toLower(*encoding) : std::string();
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      std::unique_ptr<BodyInflater>& slot = source.inflaterSlot != nullptr ? *source.inflaterSlot : owned_;
      if (slot) {
        slot->restart(limits.target);
      } else {
        slot = std::make_unique<BodyInflater>(limits.target);
      }
      inflater_ = slot.get();
    } else if (!coding.empty() && coding != "identity")
      throwError(ErrorReason::Network, limits.target + ": the response uses content encoding '" +
                                           coding.substr(0, 40) + "', which is not supported");
  }
  void operator()(const char* data, std::size_t size) {
    if (!inflater_) return pass(data, size);
    compressed_ += size;
    inflater_->feed(data, size, [this](const char* out, std::size_t n) { pass(out, n); });
  }
  // After the last byte of the body: a compressed stream must have reached its end marker, or the body
  // was cut short even though its framing looked complete. (An empty body is accepted as empty.)
  void finish() const {
    if (inflater_ && compressed_ > 0 && !inflater_->finished())
      throwError(ErrorReason::Network,
                 limits_.target + ": the compressed response ends before its end (truncated)");
  }

 private:
  void pass(const char* data, std::size_t size) {
    total_ += size;
    if (total_ > limits_.maxBytes) tooLarge(limits_);
    sink_(data, size);
  }
  const BodyLimits& limits_;
  const std::function<void(const char*, std::size_t)>& sink_;
  std::unique_ptr<BodyInflater> owned_;
  BodyInflater* inflater_ = nullptr;
  std::size_t total_ = 0;
  std::size_t compressed_ = 0;
};

class Reader {
 public:
  Reader(const BodySource& source, const BodyLimits& limits, const CallControl& control)
      : source_(source), limits_(limits), control_(control) {}

  // One more receive; false when the server closed the connection.
  bool receive() {
    checkControl(control_, limits_);
    if (limits_.beforeRead) limits_.beforeRead();
    const bool more = source_.input.fill(source_.socket) > 0;
    if (!more) checkControl(control_, limits_);  // an interrupt shuts the socket down: say so, not "closed"
    return more;
  }

  // Hands exactly `count` bytes to `deliver`, receiving as needed. `received` counts them for messages.
  void take(std::size_t count, Delivery& deliver, std::size_t& received,
            std::optional<std::size_t> declared) {
    while (count > 0) {
      if (source_.input.empty() && !receive()) {
        if (declared)
          throwError(ErrorReason::Network, limits_.target + ": the connection closed after " +
                                               std::to_string(received) + " of " + std::to_string(*declared) +
                                               " response bytes (truncated)");
        throwError(
            ErrorReason::Network,
            limits_.target + ": the connection closed in the middle of a chunked response (truncated)");
      }
      const auto pending = source_.input.pending();
      const std::size_t n = std::min(count, pending.size());
      deliver(pending.data(), n);
      source_.input.consume(n);
      count -= n;
      received += n;
    }
  }

  // One line (without CRLF) of a chunked body's framing.
  std::string line() {
    while (true) {
      const auto pending = source_.input.pending();
      const auto lf = pending.find('\n');
      if (lf != std::string_view::npos) {
        if (lf > kMaxChunkLine) malformed(limits_, "a chunk line is too long");
        std::string text(pending.substr(0, lf));
        source_.input.consume(lf + 1);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        return text;
      }
      if (pending.size() > kMaxChunkLine) malformed(limits_, "a chunk line is too long");
      if (!receive())
        throwError(
            ErrorReason::Network,
            limits_.target + ": the connection closed in the middle of a chunked response (truncated)");
    }
  }

 private:
  const BodySource& source_;
  const BodyLimits& limits_;
  const CallControl& control_;
};

std::size_t chunkSize(const std::string& line, const BodyLimits& limits) {
  const std::string digits = line.substr(0, line.find_first_of("; \t"));
  if (digits.empty() || digits.size() > 15 ||
      digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    malformed(limits, "a chunk size is not a hexadecimal number");
  return static_cast<std::size_t>(std::stoull(digits, nullptr, 16));
}

}  // namespace

bool streamResponseBody(const BodySource& source, const BodyLimits& limits, const CallControl& control,
                        const std::function<void(const char*, std::size_t)>& sink) {
  std::size_t length = 0;
  const Framing framing = framingOf(source, limits, length);
  if (framing == Framing::None) return source.input.empty();
  if (framing == Framing::Length && length > limits.maxBytes) tooLarge(limits);
  Delivery deliver(source, limits, sink);
  Reader reader(source, limits, control);
  std::size_t received = 0;
  switch (framing) {
    case Framing::Length:
      reader.take(length, deliver, received, length);
      break;
    case Framing::Chunked:
      while (true) {
        const std::size_t size = chunkSize(reader.line(), limits);
        if (size == 0) break;
        if (size > limits.maxBytes || received + size > limits.maxBytes) tooLarge(limits);
        reader.take(size, deliver, received, std::nullopt);
        if (!reader.line().empty()) malformed(limits, "a chunk is longer than its size says");
      }
      while (!reader.line().empty()) {
        // trailer fields: read and ignored
      }
      break;
    case Framing::UntilClose:
      do {
        const auto pending = source.input.pending();
        deliver(pending.data(), pending.size());
        source.input.consume(pending.size());
      } while (reader.receive());
      deliver.finish();
      return false;
    case Framing::None:
      break;
  }
  deliver.finish();
  return source.input.empty();
}

bool readResponseBody(const BodySource& source, const BodyLimits& limits, const CallControl& control,
                      std::string& body) {
  return streamResponseBody(source, limits, control,
                            [&body](const char* data, std::size_t size) { body.append(data, size); });
}

}  // namespace aifoundry::http
