#include "LoadTools.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/Url.h"
#include "http/UserAgent.h"

namespace bench {
namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// wrk's report in `output`: "  12345 requests in 1.00s, ..." and "Requests/sec:  12345.67" (0 when absent).
struct WrkReport {
  bool found = false;
  long requests = 0;
  double rate = 0;
};

WrkReport wrkReport(const std::string& output) {
  WrkReport report;
  const auto rate = output.find("Requests/sec:");
  if (rate != std::string::npos) {
    report.found = true;
    report.rate = std::strtod(output.c_str() + rate + 13, nullptr);
  }
  const auto requests = output.find(" requests in ");
  if (requests != std::string::npos) {
    const auto begin = output.rfind('\n', requests);
    report.requests = std::strtol(output.c_str() + (begin == std::string::npos ? 0 : begin + 1), nullptr, 10);
  }
  return report;
}

// A wrk script whose `request` function returns the given URLs' requests in turn, each formatted once at
// start (wrk.format adds the -H headers and the Host header wrk sends without a script). Each path is the
// request target the plugin's own parse makes of its URL (http::Url), as a Lua long string: a request target
// holds no "]=]". "" when there is no URL or one does not parse.
std::string writeRotationScript(const std::vector<std::string>& urls, const std::string& dir) {
  std::ostringstream paths;
  for (const auto& url : urls) {
    const auto parsed = aifoundry::http::Url::parse(url);
    if (!parsed) return "";
    paths << "\n  [=[" << parsed->target << "]=],";
  }
  if (urls.empty()) return "";
  const std::string path = dir + "/wrk-rotation-" + std::to_string(getpid()) + ".lua";
  std::ofstream script(path);
  script << "local paths = {" << paths.str();
  script << "\n}\nlocal requests = {}\nlocal next = 0\n"
            "init = function(args)\n  for k, p in ipairs(paths) do requests[k] = wrk.format(\"GET\", p) "
            "end\nend\n"
            "request = function()\n  next = next % #requests + 1\n  return requests[next]\nend\n";
  return path;
}

// CPU the children waited for so far have used (they are added to RUSAGE_CHILDREN when reaped).
double childrenCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// One wrk command line: `connections` connections (one thread for one, else two: one per core), the plugin's
// request header for header
// (its own user agent, a request id of the same shape): the server then does the same work for both, parsing
// the same headers and compressing and chunking the same reply (the plugin accepts gzip, as Azure's SDKs
// do), and the ratio compares the clients alone.
std::string wrkCommand(const std::string& wrk, const std::string& url, const std::string& token,
                       int connections, double seconds) {
  const int threads = connections > 1 ? 2 : 1;
  // wrk takes whole seconds only.
  const long wholeSeconds = std::max(1L, std::lround(seconds));
  std::ostringstream command;
  command << quote(wrk) << " -t" << threads << " -c" << connections << " -d" << wholeSeconds << "s";
  for (const std::string& header :
       {"Authorization: Bearer " + token, std::string("Accept: application/json"),
        std::string("Accept-Encoding: gzip, deflate"), "User-Agent: " + aifoundry::http::defaultUserAgent(),
        std::string("x-ms-client-request-id: 3f2504e0-4f89-41d3-9a0c-0305e82c3301")})
    command << " -H " << quote(header);
  command << " " << quote(url);
  return command.str();
}

// Runs `command` (wrk, its report on stdout) and reads the report back.
LoadResult runAndRead(const std::string& command) {
  LoadResult result;
  int status = 0;
  const double cpu0 = childrenCpuSeconds();
  const std::string output = runCommand(command, status);
  result.cpuSeconds = childrenCpuSeconds() - cpu0;
  const WrkReport report = wrkReport(output);
  result.requests = report.requests;
  // A report of no requests (every connection failed) is a failure too, not a rate of 0.
  const bool answered = status == 0 && report.found && report.rate > 0;
  result.rate = answered ? report.rate : -1;
  if (output.find("Non-2xx") != std::string::npos) result.error = "wrk saw non-2xx replies";
  if (!answered)
    result.error = "wrk failed (exit " + std::to_string(status) + ", " +
                   (report.found ? "no requests" : "no report") + "): " + output.substr(0, 300);
  return result;
}

}  // namespace

std::string runCommand(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return out;
  }
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

LoadResult runWrk(const std::string& wrk, const std::string& url, const std::string& token, int connections,
                  double seconds) {
  return runAndRead(wrkCommand(wrk, url, token, connections, seconds) + " 2>&1");
}

LoadResult runWrkScripted(const std::string& wrk, const std::vector<std::string>& urls,
                          const std::string& token, int connections, double seconds,
                          const std::string& scratchDir) {
  const std::string script = writeRotationScript(urls, scratchDir);
  if (script.empty()) {
    LoadResult none;
    none.error = "wrk was given no URL, or one that does not parse";
    return none;
  }
  LoadResult result = runAndRead(wrkCommand(wrk, urls.front(), token, connections, seconds) + " -s " +
                                 quote(script) + " 2>&1");
  std::remove(script.c_str());
  return result;
}

LoadResult runJsSdk(const JsLoad& js, const std::string& baseUrl, const std::string& caPath,
                    const std::string& token, const std::string& job, int concurrency, double seconds) {
  LoadResult result;
  std::ostringstream command;
  command << "EMULATOR_URL=" << quote(baseUrl) << " TOKEN=" << quote(token) << " JOB=" << quote(job)
          << " CONCURRENCY=" << concurrency << " DURATION_MS=" << std::lround(seconds * 1000)
          << " JS_MODULES_DIR=" << quote(js.modulesDir);
  if (!caPath.empty()) command << " NODE_EXTRA_CA_CERTS=" << quote(caPath);
  command << " " << quote(js.node) << " " << quote(js.script) << " 2>&1";
  int status = 0;
  const double cpu0 = childrenCpuSeconds();
  const std::string output = runCommand(command.str(), status);
  result.cpuSeconds = childrenCpuSeconds() - cpu0;
  try {
    const auto at = output.rfind("{\"requests\"");
    if (at == std::string::npos) throw std::runtime_error("no result line");
    const auto line = output.substr(at);
    auto object = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    result.rate = object->getValue<double>("rate");
    result.requests = object->getValue<long>("requests");
    if (object->getValue<long>("errors") > 0)
      result.error = "the SDK saw errors: " + object->getValue<std::string>("firstError");
  } catch (const std::exception&) {
    result.error = "node failed (" + std::to_string(status) + "): " + output.substr(0, 300);
  }
  if (status != 0 && result.error.empty()) result.error = "node exited with " + std::to_string(status);
  return result;
}

}  // namespace bench
