#include "HostProcess.h"

#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace host_test {
namespace {

std::string tempDir() {
  static const std::string dir = [] {
    const auto base =
        std::filesystem::temp_directory_path() / ("host_stub_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(base);
    return base.string();
  }();
  return dir;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Poco::JSON::Object::Ptr HostResult::json() const {
  try {
    Poco::JSON::Parser parser;
    const auto value = parser.parse(out);
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    ADD_FAILURE() << "stdout is not one JSON document (" << e.displayText() << "):\n"
                  << out << "\nstderr:\n"
                  << err;
    return new Poco::JSON::Object;
  }
  ADD_FAILURE() << "stdout is not a JSON object:\n" << out;
  return new Poco::JSON::Object;
}

std::string writeTempFile(const std::string& name, const std::string& text) {
  const std::string path = tempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

size_t lineCount(const std::string& text) {
  size_t lines = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || i + 1 == text.size()) ++lines;
  }
  return lines;
}

namespace {

struct Spawned {
  pid_t pid = -1;
  std::string outPath;
  std::string errPath;
};

Spawned spawnHost(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  static std::atomic<int> counter{0};
  Spawned spawned;
  const std::string stem = tempDir() + "/run" + std::to_string(counter++);
  spawned.outPath = stem + ".out";
  spawned.errPath = stem + ".err";

  std::vector<std::string> argStrings{HOST_STUB_EXE};
  argStrings.insert(argStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argStrings) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> envStrings;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "POLYSYNC_", 9) != 0) envStrings.emplace_back(*e);
  }
  for (const auto& [key, value] : env) envStrings.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (auto& e : envStrings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, spawned.outPath.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, spawned.errPath.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int rc = posix_spawn(&spawned.pid, HOST_STUB_EXE, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    ADD_FAILURE() << "cannot start " << HOST_STUB_EXE << ": " << std::strerror(rc);
    spawned.pid = -1;
  }
  return spawned;
}

HostResult reap(const Spawned& spawned) {
  HostResult result;
  if (spawned.pid < 0) return result;
  int status = 0;
  while (::waitpid(spawned.pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(spawned.outPath);
  result.err = slurp(spawned.errPath);
  std::filesystem::remove(spawned.outPath);
  std::filesystem::remove(spawned.errPath);
  return result;
}

}  // namespace

HostResult runHost(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  return reap(spawnHost(args, env));
}

RunningHost::RunningHost(const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env) {
  const Spawned spawned = spawnHost(args, env);
  pid_ = spawned.pid;
  outPath_ = spawned.outPath;
  errPath_ = spawned.errPath;
}

RunningHost::~RunningHost() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    finish();
  }
}

bool RunningHost::waitForStderr(const std::string& text) {
  for (int i = 0; i < 6000; ++i) {
    if (slurp(errPath_).find(text) != std::string::npos) return true;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;
    }
    ::usleep(10000);
  }
  return false;
}

void RunningHost::signal(int sig) {
  if (pid_ > 0) ::kill(pid_, sig);
}

HostResult RunningHost::finish() {
  const Spawned spawned{pid_, outPath_, errPath_};
  pid_ = -1;
  return reap(spawned);
}

// Runs the host with stdin, stdout and stderr on a pseudo-terminal; returns everything it wrote there.
HostResult runOnTerminal(const std::vector<std::string>& args) {
  std::vector<std::string> argStrings{HOST_STUB_EXE};
  argStrings.insert(argStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  HostResult result;
  int master = -1;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) {
    ADD_FAILURE() << "forkpty failed: " << std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    ::execv(HOST_STUB_EXE, argv.data());
    ::_exit(127);
  }
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0) {
      result.out.append(buf, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  ::close(master);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace host_test
