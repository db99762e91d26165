#include "polysync_host/InterruptWatcher.h"

#include <Poco/Exception.h>
#include <fcntl.h>
#include <poll.h>
#include <polysync/jobtype_v1/base.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "polysync_host/CallContext.h"
#include "polysync_host/Logger.h"

namespace polysync::host {
namespace {

constexpr char kSignal = 'S';
constexpr char kWake = 'W';
constexpr char kQuit = 'Q';

std::atomic<int> gSignalFd{-1};
std::atomic<int> gSignalCount{0};
struct sigaction gOldInt;
struct sigaction gOldTerm;

// Async-signal-safe: an atomic, write() and _exit() only.
extern "C" void onSignal(int sig) {
  if (gSignalCount.fetch_add(1) >= 1) _exit(128 + sig);
  const int fd = gSignalFd.load();
  if (fd >= 0) {
    const int saved = errno;
    [[maybe_unused]] ssize_t n = ::write(fd, &kSignal, 1);
    errno = saved;
  }
}

}  // namespace

InterruptWatcher::InterruptWatcher(Logger& logger) : logger_(logger) {
  if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0)
    throw Poco::SystemException("cannot create the watcher's pipe");
  thread_ = std::thread([this] { loop(); });
}

InterruptWatcher::~InterruptWatcher() {
  if (signalsInstalled_) {
    ::sigaction(SIGINT, &gOldInt, nullptr);
    ::sigaction(SIGTERM, &gOldTerm, nullptr);
    gSignalFd.store(-1);
  }
  quit_.store(true);
  wake(kQuit);
  thread_.join();
  ::close(pipe_[0]);
  ::close(pipe_[1]);
}

void InterruptWatcher::installSignalHandlers() {
  gSignalCount.store(0);
  gSignalFd.store(pipe_[1]);
  struct sigaction action {};
  action.sa_handler = &onSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, &gOldInt);
  ::sigaction(SIGTERM, &action, &gOldTerm);
  signalsInstalled_ = true;
}

void InterruptWatcher::add(CallContext& ctx) {
  bool stop = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_.insert(&ctx);
    stop = stop_.load();
  }
  if (stop) ctx.interrupt();  // a call started after Ctrl-C is interrupted from the start
  wake(kWake);                // its deadline may be the next one
}

void InterruptWatcher::remove(CallContext& ctx) {
  std::lock_guard<std::mutex> lock(mutex_);
  calls_.erase(&ctx);
}

void InterruptWatcher::requestStop() { wake(kSignal); }

bool InterruptWatcher::sleepFor(std::chrono::milliseconds duration) {
  std::unique_lock<std::mutex> lock(mutex_);
  return !stopped_.wait_for(lock, duration, [this] { return stop_.load(); });
}

void InterruptWatcher::wake(char reason) {
  // Non-blocking: a full pipe already holds a wake-up. A lost 'S' cannot happen while the pipe is drained.
  [[maybe_unused]] ssize_t n = ::write(pipe_[1], &reason, 1);
}

void InterruptWatcher::interruptAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_.store(true);
  stopped_.notify_all();
  // Held while the handlers run: remove() waits, so no context is destroyed under us. Handlers are quick.
  for (CallContext* ctx : calls_) ctx->interrupt();
}

int InterruptWatcher::nextTimeoutMs() {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = CallContext::Clock::now();
  int timeout = -1;
  for (CallContext* ctx : calls_) {
    const auto deadline = ctx->deadline();
    if (!deadline || ctx->interrupted()) continue;
    if (*deadline <= now) {
      logger_.log(PSJ_LOG_DEBUG, "a plugin call passed its deadline; interrupting it", "host");
      ctx->interrupt();
      continue;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - now).count() + 1;
    const int capped = ms > 60000 ? 60000 : static_cast<int>(ms);
    if (timeout < 0 || capped < timeout) timeout = capped;
  }
  return timeout;
}

void InterruptWatcher::loop() {
  while (!quit_.load()) {
    pollfd pfd{pipe_[0], POLLIN, 0};
    const int rc = ::poll(&pfd, 1, nextTimeoutMs());
    if (rc <= 0) continue;  // timeout (deadlines are checked above) or EINTR
    char buf[64];
    ssize_t n;
    bool signalled = false;
    while ((n = ::read(pipe_[0], buf, sizeof buf)) > 0) {
      for (ssize_t i = 0; i < n; ++i) signalled = signalled || buf[i] == kSignal;
    }
    if (signalled && !quit_.load()) {
      if (!stop_.load())
        logger_.log(PSJ_LOG_WARN, "interrupted; stopping (press Ctrl-C again to quit at once)", "host");
      interruptAll();
    }
  }
}

}  // namespace polysync::host
