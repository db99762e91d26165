// Runs the built polysync-host-stub in a child process and captures its exit code, stdout and stderr.
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace host_test {

struct HostResult {
  int exitCode = -1;
  std::string out;
  std::string err;

  // stdout parsed as one JSON object (fails the test when it is not exactly one).
  Poco::JSON::Object::Ptr json() const;
};

// Runs HOST_STUB_EXE with `args`. The environment is the test's, without POLYSYNC_* variables, plus `env`.
HostResult runHost(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// Runs HOST_STUB_EXE with stdin, stdout and stderr on one pseudo-terminal; `out` is everything it wrote there
// (the terminal turns \n into \r\n).
HostResult runOnTerminal(const std::vector<std::string>& args);

// A host started in the background, for tests that signal it.
class RunningHost {
 public:
  RunningHost(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});
  ~RunningHost();
  // Waits (up to a minute) until stderr contains `text`; false when the host exited or time ran out.
  bool waitForStderr(const std::string& text);
  void signal(int sig);
  HostResult finish();

 private:
  int pid_ = -1;
  std::string outPath_;
  std::string errPath_;
};

// A file under the test's temporary folder holding `text`; returns its path.
std::string writeTempFile(const std::string& name, const std::string& text);

// Lines in `text` (a trailing newline does not start another line).
size_t lineCount(const std::string& text);

}  // namespace host_test
