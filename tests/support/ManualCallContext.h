// ManualCallContext: a CallContext that the owner drives itself — an optional timeout and an interrupt()
// that runs the installed handler. For unit tests of the job type and for work the plugin starts on its
// own; calls from the host always get the host's context.
//
// Threads: interrupt() may be called from any thread, concurrently with the call using the context.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

#include "core/CallContext.h"
#include "core/HostServices.h"

namespace aifoundry::core {

class ManualCallContext final : public CallContext {
 public:
  explicit ManualCallContext(const HostServices& host, std::optional<Clock::duration> timeout = std::nullopt);
  // With NullHostServices.
  explicit ManualCallContext(std::optional<Clock::duration> timeout = std::nullopt);

  std::int64_t remainingMs() const override;
  bool interrupted() const override { return interrupted_.load(); }
  void setInterruptHandler(std::function<void()> handler) override;
  void clearInterruptHandler() override;
  const HostServices& host() const override { return host_; }

  // Marks the call interrupted and runs the installed handler on this thread.
  void interrupt();

 private:
  const HostServices& host_;
  std::optional<Clock::time_point> deadline_;
  std::atomic<bool> interrupted_{false};
  std::mutex handlerMutex_;  // held while the handler runs, so clearing waits for it
  std::function<void()> handler_;
};

}  // namespace aifoundry::core
