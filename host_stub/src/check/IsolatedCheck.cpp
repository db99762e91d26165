#include "polysync_host/check/IsolatedCheck.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace polysync::host::check {
namespace {

// The result on the pipe: one line per item, "P<problem>" or "S<skip reason>"; newlines inside become spaces.
std::string encode(const CheckResult& result) {
  const auto line = [](char kind, std::string text) {
    for (char& c : text) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    return std::string(1, kind) + text + "\n";
  };
  std::string out;
  for (const auto& problem : result.problems) out += line('P', problem);
  if (result.skipReason) out += line('S', *result.skipReason);
  return out + "E\n";  // the end: a child that dies mid-write leaves no "E"
}

bool decode(const std::string& text, CheckResult& result) {
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string::npos) return false;
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    if (item == "E") return true;
    if (item.empty()) return false;
    if (item[0] == 'P') result.problems.push_back(item.substr(1));
    if (item[0] == 'S') result.skipReason = item.substr(1);
  }
  return false;
}

void writeAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// Reads until EOF or `deadline`; false when the deadline passed first.
bool readAll(int fd, std::string& text, std::chrono::steady_clock::time_point deadline) {
  char buffer[4096];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    text.append(buffer, static_cast<size_t>(n));
  }
}

std::string howItEnded(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = ::strsignal(sig);
    return "the plugin crashed the process (signal " + std::to_string(sig) + ", " + (name ? name : "?") + ")";
  }
  if (WIFEXITED(status)) {
    return "the process ended with exit code " + std::to_string(WEXITSTATUS(status)) +
           " before the check finished (an abort or a sanitizer report: see stderr)";
  }
  return "the process ended before the check finished";
}

}  // namespace

CheckResult runIsolatedCheck(const std::string& name, const psj_job_type& jobType,
                             const CheckProfile& profile, std::chrono::milliseconds limit) {
  CheckResult result;
  for (const auto& check : conformanceChecks()) {
    if (name == check.name) result = CheckResult{check.name, check.title, {}, std::nullopt};
  }
  int fds[2];
  if (::pipe(fds) != 0) return runConformanceCheck(name, jobType, profile);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return runConformanceCheck(name, jobType, profile);
  }
  if (child == 0) {
    ::close(fds[0]);
    writeAll(fds[1], encode(runConformanceCheck(name, jobType, profile)));
    ::_exit(0);  // no atexit handlers or static destructors of the parent's state in the child
  }
  ::close(fds[1]);
  std::string text;
  const bool finished = readAll(fds[0], text, std::chrono::steady_clock::now() + limit);
  ::close(fds[0]);
  if (!finished) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
    result.problems.push_back("the check did not finish within " + std::to_string(limit.count() / 1000) +
                              " s: a call blocks (does it honour its deadline and interrupts?)");
    return result;
  }
  if (!decode(text, result)) {
    result.problems.clear();
    result.skipReason.reset();
    result.problems.push_back(howItEnded(status));
  }
  return result;
}

}  // namespace polysync::host::check
