// CallScope: one host call's limits, as the arm/ layer wants them. It copies the CallContext's deadline
// into an http::CallControl, lets the transport ask whether the host interrupted the call, and installs an
// interrupt handler that aborts the socket in use, removing it when the scope ends (so the handler never
// runs after the control is gone).
//
// Ownership and threads: lives on the calling thread's stack for one call; the handler runs on a host thread
// and only calls InterruptScope::abort(), which is thread-safe and does not block for long.
#pragma once

#include "core/CallContext.h"
#include "http/CallControl.h"

namespace aifoundry::pipeline_job {

class CallScope {
 public:
  explicit CallScope(core::CallContext& ctx);
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

  const http::CallControl& control() const noexcept { return control_; }
  core::CallContext& context() const noexcept { return ctx_; }

 private:
  core::CallContext& ctx_;
  http::CallControl control_;
  core::ScopedInterruptHandler handler_;
};

}  // namespace aifoundry::pipeline_job
