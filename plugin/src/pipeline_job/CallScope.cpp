#include "pipeline_job/CallScope.h"

#include <memory>

namespace aifoundry::pipeline_job {
namespace {

http::CallControl controlFor(core::CallContext& ctx) {
  http::CallControl control;
  control.deadline = ctx.deadline();
  control.interrupted = [&ctx] { return ctx.interrupted(); };
  return control;
}

}  // namespace

CallScope::CallScope(core::CallContext& ctx)
    : ctx_(ctx),
      control_(controlFor(ctx)),
      // Capture the shared scope, not `this`: abort() stays safe even if the host's thread is late.
      handler_(ctx, [scope = control_.scope] { scope->abort(); }) {}

}  // namespace aifoundry::pipeline_job
