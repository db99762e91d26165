#include "arm/http/SocketAbortGuard.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace aifoundry::arm {

SocketAbortGuard::SocketAbortGuard(InterruptScope& scope, const Poco::Net::Socket& socket) : scope_(scope) {
    const auto fd = socket.impl()->sockfd();
    if (fd < 0) return;
    duplicate_ = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (duplicate_ < 0) return;
    const int dup = duplicate_;
    registration_ = scope_.registerAbort([dup] { ::shutdown(dup, SHUT_RDWR); });
}

SocketAbortGuard::~SocketAbortGuard() {
    if (registration_ != 0) scope_.unregisterAbort(registration_);
    if (duplicate_ >= 0) ::close(duplicate_);
}

}  // namespace aifoundry::arm
