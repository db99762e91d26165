#include "arm/http/RequestIdPolicy.h"

#include <sys/random.h>

#include <Poco/UUIDGenerator.h>

#include <cstdint>

namespace aifoundry::arm {

// A random (version 4) GUID, lower-case. The 16 bytes come from one getrandom() call: Poco's
// createRandom() opened, read and closed /dev/urandom for every GUID (3 system calls on every ARM request;
// ~5% of a poll's CPU with bench/). Poco stays the fallback should the kernel refuse.
std::string newGuid() {
    std::uint8_t b[16];
    std::size_t got = 0;
    while (got < sizeof b) {
        const ssize_t n = ::getrandom(b + got, sizeof b - got, 0);
        if (n <= 0) return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
        got += static_cast<std::size_t>(n);
    }
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < sizeof b; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
        out.push_back(kHex[b[i] >> 4]);
        out.push_back(kHex[b[i] & 0x0F]);
    }
    return out;
}

HttpResponse RequestIdPolicy::send(HttpRequest& request, const CallControl& control, const Next& next) {
    if (!request.headers.has(kHeader)) request.headers.set(kHeader, newGuid());
    return next(request, control);
}

}  // namespace aifoundry::arm
