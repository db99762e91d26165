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
    Poco::CountingInputStream counted(raw);
    counted.exceptions(std::ios::badbit);
    std::unique_ptr<std::istream> inflated;
    const std::string encoding = Poco::toLower(response.get("Content-Encoding", ""));
    if (encoding == "gzip" || encoding == "x-gzip")
        inflated = std::make_unique<Poco::InflatingInputStream>(counted, Poco::InflatingStreamBuf::STREAM_GZIP);
    else if (encoding == "deflate")
        inflated = std::make_unique<Poco::InflatingInputStream>(counted, Poco::InflatingStreamBuf::STREAM_ZLIB);
    else if (!encoding.empty() && encoding != "identity")
        throwError(ErrorReason::Network, limits.target + ": the response uses content encoding '" + encoding +
                                              "', which is not supported");
    std::istream& in = inflated ? *inflated : static_cast<std::istream&>(counted);
    in.exceptions(std::ios::badbit);

    std::array<char, kChunk> buffer{};
    std::size_t total = 0;
    while (true) {
        checkControl(control, limits);
        const auto got = readSome(in, buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (got <= 0) break;
        total += static_cast<std::size_t>(got);
        if (total > limits.maxBytes) tooLarge(limits);
        sink(buffer.data(), static_cast<std::size_t>(got));
    }
    checkControl(control, limits);
    if (knownLength && counted.chars() < declared)
        throwError(ErrorReason::Network, limits.target + ": the connection closed after " + std::to_string(counted.chars()) +
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
