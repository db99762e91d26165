#include "http/SigpipeGuard.h"

#include <pthread.h>

#include <cerrno>
#include <ctime>
#include <exception>

namespace aifoundry::http {

namespace {
sigset_t onlySigpipe() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  return set;
}
}  // namespace

SigpipeGuard::SigpipeGuard(bool alwaysDrain)
    : alwaysDrain_(alwaysDrain), exceptionsAtStart_(std::uncaught_exceptions()) {
  const sigset_t block = onlySigpipe();
  if (pthread_sigmask(SIG_BLOCK, &block, &previous_) != 0) return;
  wasBlocked_ = sigismember(&previous_, SIGPIPE) == 1;
}

SigpipeGuard::~SigpipeGuard() {
  if (wasBlocked_) return;
  if (!alwaysDrain_ && std::uncaught_exceptions() == exceptionsAtStart_) {
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    return;
  }
  // Discard a SIGPIPE raised while blocked; sigtimedwait with a zero timeout returns at once either way.
  // (A SIGPIPE sent to the whole process by someone else and pending now is discarded too; it would have
  // been delivered to any thread, and SIGPIPE is never meaningful as a process-directed signal.)
  const sigset_t pipe = onlySigpipe();
  const timespec zero{0, 0};
  int rc;
  do {
    rc = sigtimedwait(&pipe, nullptr, &zero);
  } while (rc == SIGPIPE || (rc < 0 && errno == EINTR));
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace aifoundry::http
