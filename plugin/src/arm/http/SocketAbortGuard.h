// SocketAbortGuard: while alive, an interrupt (InterruptScope::abort) shuts the socket down, so a blocked
// send/recv on the calling thread returns at once.
//
// It is given a duplicate of the socket's descriptor that outlives it (Connection::abortDescriptor):
// shutdown() acts on the socket, not the descriptor, and the duplicate stays valid even if Poco closes or
// replaces the session's descriptor meanwhile, so the interrupt thread can never hit an unrelated, reused
// descriptor number. A descriptor of -1 guards nothing.
#pragma once

#include "arm/http/InterruptScope.h"

namespace aifoundry::arm {

class SocketAbortGuard {
public:
    SocketAbortGuard(InterruptScope& scope, int abortDescriptor);
    ~SocketAbortGuard();
    SocketAbortGuard(const SocketAbortGuard&) = delete;
    SocketAbortGuard& operator=(const SocketAbortGuard&) = delete;

private:
    InterruptScope& scope_;
    InterruptScope::Registration registration_ = 0;
};

}  // namespace aifoundry::arm
