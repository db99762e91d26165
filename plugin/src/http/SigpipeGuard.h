// SigpipeGuard: while alive, a write to a connection the peer has reset cannot kill the host process with
// SIGPIPE. Plain sockets are written with MSG_NOSIGNAL, but OpenSSL writes TLS records (requests, the
// handshake, close_notify) with write(2), which raises SIGPIPE; and a plugin must not touch process-wide
// signal dispositions (plugin_api/README.md). So the calling thread blocks SIGPIPE for the duration, and a
// SIGPIPE its own write raised meanwhile (it is directed at the thread and stays pending) is discarded
// before the previous mask comes back. The failed write itself still fails with EPIPE, which the
// transport reports as a lost connection.
//
// Costs two system calls (block, restore), and a third to discard when the guarded code ends with an
// exception (a failed write always surfaces as one) or when `alwaysDrain` (closes, which fail silently).
// Used around TLS exchanges, handshakes and closes only.
// Thread-local by nature: construct and destroy on the same thread.
#pragma once

#include <signal.h>

namespace aifoundry::http {

class SigpipeGuard {
 public:
  explicit SigpipeGuard(bool alwaysDrain = false);
  ~SigpipeGuard();
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t previous_{};
  bool wasBlocked_ = true;  // nothing to undo when blocking failed or SIGPIPE was blocked already
  bool alwaysDrain_;
  int exceptionsAtStart_;
};

}  // namespace aifoundry::http
