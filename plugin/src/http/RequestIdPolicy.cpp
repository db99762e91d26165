#include "http/RequestIdPolicy.h"

#include <Poco/UUIDGenerator.h>
#include <sys/random.h>

#include <cstdint>

namespace aifoundry::http {

namespace {

// Fills `b` from the kernel; false when it refuses.
bool kernelRandom(std::uint8_t* b, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::getrandom(b + got, size - got, 0);
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

std::string guidText(std::uint8_t* b) {
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

}  // namespace

// A random (version 4) GUID, lower-case. The 16 bytes come from one getrandom() call, not Poco's
// createRandom(), which opens, reads and closes /dev/urandom for every GUID (3 system calls on every ARM
// request). Poco stays the fallback should the kernel refuse.
std::string newGuid() {
  std::uint8_t b[16];
  if (!kernelRandom(b, sizeof b)) return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  return guidText(b);
}

// The same, from a per-thread buffer of kernel randomness refilled every 32 GUIDs: a request id only has
// to be unique, and one system call per request was ~1/8 of a poll's system calls (bench/). (Should a
// process fork, parent and child could repeat a few request ids: harmless for a correlation header, which
// is why assertion ids (jti) use newGuid().)
std::string newRequestId() {
  constexpr std::size_t kGuids = 32;
  thread_local std::uint8_t buffer[16 * kGuids];
  thread_local std::size_t used = kGuids;
  if (used == kGuids) {
    if (!kernelRandom(buffer, sizeof buffer)) return newGuid();
    used = 0;
  }
  std::uint8_t* b = buffer + 16 * used++;
  std::string id = guidText(b);
  for (std::size_t i = 0; i < 16; ++i) b[i] = 0;  // each id once
  return id;
}

HttpResponse RequestIdPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
  if (!request.headers.has(kHeader)) request.headers.set(kHeader, newRequestId());
  return next(request, control);
}

}  // namespace aifoundry::http
