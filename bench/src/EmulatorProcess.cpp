#include "EmulatorProcess.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace bench {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

long member(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  return object && object->has(key) ? object->getValue<long>(key) : 0;
}

}  // namespace

EmulatorProcess::EmulatorProcess(const EmulatorConfig& config) : https_(config.https) {
  const std::string tag =
      std::to_string(getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this));
  const std::string portFile = config.workDir + "/emulator-" + tag + ".port";
  if (https_) caPath_ = config.workDir + "/emulator-" + tag + "-ca.pem";
  const std::string logFile = config.workDir + "/emulator-" + tag + ".log";
  std::vector<std::string> args = {
      config.binary, "--no-journal", "--port-file",
      portFile,      "--client",     std::string(kTenant) + ":" + kClientId + ":" + kClientSecret};
  if (https_) {
    args.push_back("--ca-cert-out");
    args.push_back(caPath_);
  } else {
    args.push_back("--http");
  }
  if (!config.throttle) args.push_back("--no-throttle");
  args.insert(args.end(), config.extraArgs.begin(), config.extraArgs.end());
  unlink(portFile.c_str());

  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot fork the emulator");
  if (pid_ == 0) {
    const int log = open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) {
      dup2(log, 1);
      dup2(log, 2);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (access(portFile.c_str(), R_OK) != 0) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the emulator exited at start; see " + logFile);
    }
    if (std::chrono::steady_clock::now() > until)
      throw std::runtime_error("the emulator did not start; see " + logFile);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  port_ = static_cast<unsigned short>(std::stoi(readFile(portFile)));
  baseUrl_ = std::string(https_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

EmulatorProcess::~EmulatorProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::string EmulatorProcess::jobUrl(const std::string& name) const {
  return baseUrl_ + "/subscriptions/" + kSubscription + "/resourceGroups/" + kResourceGroup +
         "/providers/Microsoft.MachineLearningServices/workspaces/" + kWorkspace + "/jobs/" + name +
         "?api-version=2024-10-01";
}

std::string EmulatorProcess::historyRunUrl(const std::string& name) const {
  return baseUrl_ + "/history/v1.0/subscriptions/" + kSubscription + "/resourceGroups/" + kResourceGroup +
         "/providers/Microsoft.MachineLearningServices/workspaces/" + kWorkspace + "/runs/" + name;
}

std::vector<std::pair<std::string, std::string>> EmulatorProcess::settingsFor(const std::string& baseUrl,
                                                                              const std::string& caPath) {
  std::vector<std::pair<std::string, std::string>> s = {
      {"Subscription Id", kSubscription},
      {"Resource Group Name", kResourceGroup},
      {"Workspace Name", kWorkspace},
      {"Authentication Method", "Service Principal"},
      {"Tenant Id", kTenant},
      {"Client Id", kClientId},
      {"Client Secret", kClientSecret},
      {"Resource Manager Endpoint", baseUrl},
      {"Authority Host", baseUrl},
      {"Request Timeout Seconds", "60"},
  };
  if (!caPath.empty()) {
    s.emplace_back("CA Bundle Path", caPath);
  } else {
    s.emplace_back("Allow Plain HTTP To Loopback", "true");
  }
  return s;
}

std::string EmulatorProcess::admin(const std::string& method, const std::string& path,
                                   const std::string& body) const {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (https_) {
    // Loopback to our own child; the admin API carries no secret worth verifying the certificate for.
    static const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", port_, context);
  } else {
    session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port_);
  }
  session->setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(method, "/_admin/" + path, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("application/json");
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session->sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session->receiveResponse(response);
  std::string reply;
  Poco::StreamCopier::copyToString(in, reply);
  if (response.getStatus() / 100 != 2)
    throw std::runtime_error("emulator admin " + method + " " + path + " answered " +
                             std::to_string(static_cast<int>(response.getStatus())) + ": " + reply);
  return reply;
}

std::string EmulatorProcess::mintArmToken() const {
  const std::string reply = admin("POST", "tokens", R"({"audience":"https://management.azure.com"})");
  auto object = Poco::JSON::Parser().parse(reply).extract<Poco::JSON::Object::Ptr>();
  return object->getValue<std::string>("access_token");
}

EmulatorProcess::Stats EmulatorProcess::stats() const {
  auto object = Poco::JSON::Parser().parse(admin("GET", "stats")).extract<Poco::JSON::Object::Ptr>();
  Stats s;
  s.tokensIssued = member(object->getObject("tokensIssued"), kClientId);
  const auto requests = object->getObject("requests");
  s.jobsGet = member(requests, "jobs.get");
  s.jobsPut = member(requests, "jobs.put");
  s.jobsList = member(requests, "jobs.list");
  s.historyRun = member(requests, "history.run");
  s.historyChildren = member(requests, "history.children");
  s.workspaceGet = member(requests, "workspace");
  s.connectionsAccepted = member(object, "connectionsAccepted");
  return s;
}

double EmulatorProcess::cpuSeconds() const {
  // Fields 14 and 15 (utime, stime) in clock ticks; the command name (field 2) may hold spaces, so count
  // from the closing parenthesis.
  const std::string stat = readFile("/proc/" + std::to_string(pid_) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i)
    if (i >= 14) ticks += std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace bench
