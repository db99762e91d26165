#include "http/SocketAbortGuard.h"

#include <sys/socket.h>

namespace aifoundry::http {

SocketAbortGuard::SocketAbortGuard(InterruptScope& scope, int abortDescriptor) : scope_(scope) {
  if (abortDescriptor < 0) return;
  registration_ = scope_.registerAbort([abortDescriptor] { ::shutdown(abortDescriptor, SHUT_RDWR); });
}

SocketAbortGuard::~SocketAbortGuard() {
  if (registration_ != 0) scope_.unregisterAbort(registration_);
}

}  // namespace aifoundry::http
