#include "arm/http/ResponseBodyReader.h"

#include <Poco/CountingStream.h>
#include <Poco/InflatingStream.h>
#include <Poco/String.h>

#include <array>
#include <memory>

#include "arm/http/HttpError.h"

namespace aifoundry::arm {

namespace {

constexpr std::size_t kChunk = 16 * 1024;

[[noreturn]] void tooLarge(const BodyLimits& limits) {
    throwError(ErrorReason::Rejected, limits.target + ": the response is larger than the " +
                                          std::to_string(limits.maxBytes) + "-byte limit; refused");
}

void checkControl(const CallControl& control, const BodyLimits& limits) {
    if (control.isInterrupted()) throwError(ErrorReason::Interrupted, limits.target + ": interrupted while reading the response");
    if (control.expired()) throwError(ErrorReason::Timeout, limits.target + ": the call's deadline passed while reading the response");
}

// Reads whatever one socket read delivers (not a full buffer), so a trickling server cannot hold us past
// a deadline check for longer than one read timeout.
std::streamsize readSome(std::istream& in, char* buffer, std::streamsize size) {
    in.read(buffer, 1);
    std::streamsize got = in.gcount();
    if (got == 0) return 0;
    return got + in.readsome(buffer + 1, size - 1);
}

}  // namespace

void streamResponseBody(std::istream& raw, const Poco::Net::HTTPResponse& response, const BodyLimits& limits,
                        const CallControl& control, const std::function<void(const char*, std::size_t)>& sink) {
    const bool knownLength = response.hasContentLength();
    const auto declared = knownLength ? response.getContentLength64() : 0;
    if (knownLength && static_cast<std::size_t>(declared) > limits.maxBytes) tooLarge(limits);

    raw.exceptions(std::ios::badbit);  // surface Poco's socket exceptions instead of a silent bad stream
    const std::string encoding = Poco::toLower(response.get("Content-Encoding", ""));
    const bool gzip = encoding == "gzip" || encoding == "x-gzip";
    if (!gzip && encoding != "deflate" && !encoding.empty() && encoding != "identity")
        throwError(ErrorReason::Network, limits.target + ": the response uses content encoding '" + encoding +
                                              "', which is not supported");
    // Only a compressed body needs the counting wrapper (it reads one character per virtual call, which cost
    // ~3,000 calls per 3 KB job); an identity body is read straight from Poco's buffered HTTP stream and
    // counted here.
    std::unique_ptr<Poco::CountingInputStream> counted;
    std::unique_ptr<std::istream> inflated;
    if (!encoding.empty() && encoding != "identity") {
        counted = std::make_unique<Poco::CountingInputStream>(raw);
        counted->exceptions(std::ios::badbit);
        inflated = std::make_unique<Poco::InflatingInputStream>(
            *counted, gzip ? Poco::InflatingStreamBuf::STREAM_GZIP : Poco::InflatingStreamBuf::STREAM_ZLIB);
        inflated->exceptions(std::ios::badbit);
    }
    std::istream& in = inflated ? *inflated : raw;

    std::array<char, kChunk> buffer;
    std::size_t total = 0;
    while (true) {
        checkControl(control, limits);
        if (limits.beforeRead) limits.beforeRead();
        const auto got = readSome(in, buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (got <= 0) break;
        total += static_cast<std::size_t>(got);
        if (total > limits.maxBytes) tooLarge(limits);
        sink(buffer.data(), static_cast<std::size_t>(got));
    }
    checkControl(control, limits);
    const auto received = counted ? counted->chars() : static_cast<std::streamsize>(total);
    if (knownLength && received < declared)
        throwError(ErrorReason::Network, limits.target + ": the connection closed after " + std::to_string(received) +
                                              " of " + std::to_string(declared) + " response bytes (truncated)");
}

std::string readResponseBody(std::istream& raw, const Poco::Net::HTTPResponse& response, const BodyLimits& limits,
                             const CallControl& control) {
    std::string body;
    streamResponseBody(raw, response, limits, control,
                       [&body](const char* data, std::size_t size) { body.append(data, size); });
    return body;
}

}  // namespace aifoundry::arm
