// BodyInflater: decodes a gzip or zlib ("deflate") content coding as the bytes arrive (zlib's inflate
// with header auto-detection), so a compressed body never needs to be held whole in memory.
// Throws HttpError(Network) on corrupt data. Not synchronised; one response at a time. A connection keeps
// one and restarts it for each compressed reply: zlib's state and its 32 KB window are allocated once per
// connection instead of once per reply (that allocation was most of a small reply's decoding cost).
#pragma once

#include <zlib.h>

#include <cstddef>
#include <functional>
#include <string>

namespace aifoundry::http {

class BodyInflater {
 public:
  explicit BodyInflater(std::string target);  // "GET https://host/path", for messages
  ~BodyInflater();
  BodyInflater(const BodyInflater&) = delete;
  BodyInflater& operator=(const BodyInflater&) = delete;

  // Makes it ready for the next response's body, keeping zlib's memory (and the message text's).
  void restart(const std::string& target);

  // Decodes `size` compressed bytes, handing the output to `out` piece by piece.
  void feed(const char* data, std::size_t size, const std::function<void(const char*, std::size_t)>& out);
  // True once the compressed stream's end marker was decoded.
  bool finished() const { return finished_; }

 private:
  z_stream stream_{};
  bool finished_ = false;
  std::string target_;
};

}  // namespace aifoundry::http
