// SocketAbortGuard: while alive, an interrupt (InterruptScope::abort) shuts the socket down, so a blocked
// send/recv on the calling thread returns at once.
//
// It holds its own duplicate of the descriptor: shutdown() acts on the socket, not the descriptor, and the
// duplicate stays valid even if Poco closes or replaces the session's descriptor meanwhile, so the interrupt
// thread can never hit an unrelated, reused descriptor number.
#pragma once

#include <Poco/Net/Socket.h>

#include "arm/http/InterruptScope.h"

namespace aifoundry::arm {

class SocketAbortGuard {
public:
    SocketAbortGuard(InterruptScope& scope, const Poco::Net::Socket& socket);
    ~SocketAbortGuard();
    SocketAbortGuard(const SocketAbortGuard&) = delete;
    SocketAbortGuard& operator=(const SocketAbortGuard&) = delete;

private:
    InterruptScope& scope_;
    int duplicate_ = -1;
    InterruptScope::Registration registration_ = 0;
};

}  // namespace aifoundry::arm
