// SocketAbortGuard: while alive, an interrupt (InterruptScope::abort) shuts the socket down, so a blocked
// send/recv on the calling thread returns at once.
//
// It is given a descriptor that stays open for at least as long as the guard lives: a duplicate of a
// connected session's socket (Connection::abortDescriptor), or the socket being connected, owned by the
// caller's frame (the pool's connect). shutdown() acts on the socket, not the descriptor, and because the
// descriptor stays open its number cannot be reused meanwhile, so the interrupt thread can never hit an
// unrelated descriptor. A descriptor of -1 guards nothing.
#pragma once

#include "http/InterruptScope.h"

namespace aifoundry::http {

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

}  // namespace aifoundry::http
