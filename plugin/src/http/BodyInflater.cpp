#include "http/BodyInflater.h"

#include <array>

#include "http/HttpError.h"

namespace aifoundry::http {

namespace {
constexpr int kAutoDetectGzipOrZlib = 15 + 32;  // zlib: window bits 15, accept both headers
constexpr std::size_t kOutChunk = 16 * 1024;
}  // namespace

BodyInflater::BodyInflater(std::string target) : target_(std::move(target)) {
  if (inflateInit2(&stream_, kAutoDetectGzipOrZlib) != Z_OK)
    throwError(ErrorReason::Network,
               target_ + ": cannot start decoding the compressed response (out of memory?)");
}

BodyInflater::~BodyInflater() { inflateEnd(&stream_); }

void BodyInflater::restart(const std::string& target) {
  target_.assign(target);
  finished_ = false;
  if (inflateReset(&stream_) != Z_OK)
    throwError(ErrorReason::Network, target_ + ": cannot start decoding the compressed response");
}

void BodyInflater::feed(const char* data, std::size_t size,
                        const std::function<void(const char*, std::size_t)>& out) {
  std::array<char, kOutChunk> buffer;
  stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
  stream_.avail_in = static_cast<uInt>(size);
  // Loop while input remains or the output buffer came back full (zlib may hold more output even when
  // all input is consumed).
  while (!finished_) {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer.data());
    stream_.avail_out = static_cast<uInt>(buffer.size());
    const int rc = inflate(&stream_, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
      throwError(ErrorReason::Network,
                 target_ + ": the compressed response is corrupt (" +
                     (stream_.msg ? std::string(stream_.msg) : "zlib error " + std::to_string(rc)) + ")");
    const std::size_t produced = buffer.size() - stream_.avail_out;
    if (produced > 0) out(buffer.data(), produced);
    if (rc == Z_STREAM_END) finished_ = true;
    if (rc == Z_BUF_ERROR && produced == 0) break;  // needs more input
    if (stream_.avail_in == 0 && stream_.avail_out > 0) break;
  }
}

}  // namespace aifoundry::http
