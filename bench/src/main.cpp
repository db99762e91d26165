// polysync-bench: how the "AI Foundry Pipeline Job" plugin performs against the limit of this machine (wrk)
// and against Azure's own JavaScript SDK, side by side on the same azureml-emulator in one run; plus run
// latency and memory by template size, import memory, request economy and start-up. Prints a table; with
// --json FILE also writes the numbers as one JSON object. See bench/README.md.
#include <Poco/Net/SSLManager.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "ChildProcess.h"
#include "EmulatorProcess.h"
#include "LoadTools.h"
#include "PluginLibrary.h"
#include "PollBench.h"
#include "ProcessStats.h"
#include "Report.h"
#include "RunBench.h"

namespace bench {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kManyThreads = 8;  // the plugin's connection pool size per host

struct Options {
  std::string mode = "full";  // full | quick | smoke
  std::string json;
  std::string emulator, plugin, wrk = "wrk", node = "node", jsScript, jsModules, workDir = "/tmp";
  bool compare = true;  // run wrk and the JavaScript SDK
  double profilePolls = 0;  // > 0: only poll for this long (for perf), 1 thread over HTTP unless below
  int profileThreads = 1;
  bool profileHttps = false;
};

struct Sizes {
  double pollSeconds;  // one round of one client (wrk takes whole seconds)
  int rounds;          // rounds of plugin + wrk, alternating; the best round of each counts
  double jsSeconds;    // the JavaScript SDK: one round (it is far from its goal)
  int repeats;
  std::vector<int> steps;
  int cloneGoalSteps;  // the template of at least 10 MiB the clone goal is measured on
  int importSmall, importLarge;
  long economyPolls;
  double historySeconds;  // polling after every run was polled once: Run History's paced cost
};

Sizes sizesFor(const std::string& mode) {
  if (mode == "smoke") return {0.2, 1, 0.2, 1, {10, 100}, 200, 100, 1000, 500, 0.5};
  if (mode == "quick") return {1.0, 2, 1.0, 3, {10, 1000, 10000}, 14000, 1000, 100000, 20000, 5.0};
  // 30 s of polling spans a pacing interval (20 s): the figure includes the reads that come due.
  return {1.0, 5, 3.0, 5, {10, 1000, 10000}, 14000, 1000, 100000, 100000, 30.0};
}

std::string usage() {
  return "usage: polysync-bench --emulator PATH --plugin PATH [--quick | --smoke] [--json FILE] [--wrk PATH]\n"
         "                      [--node PATH] [--js-script FILE] [--js-modules DIR] [--work-dir DIR] [--no-compare]\n"
         "       polysync-bench ... --profile-polls SECONDS [--profile-threads N] [--profile-https]\n";
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value\n" + usage());
      return argv[++i];
    };
    if (a == "--quick") o.mode = "quick";
    else if (a == "--smoke") o.mode = "smoke";
    else if (a == "--json") o.json = value();
    else if (a == "--emulator") o.emulator = value();
    else if (a == "--plugin") o.plugin = value();
    else if (a == "--wrk") o.wrk = value();
    else if (a == "--node") o.node = value();
    else if (a == "--js-script") o.jsScript = value();
    else if (a == "--js-modules") o.jsModules = value();
    else if (a == "--work-dir") o.workDir = value();
    else if (a == "--no-compare") o.compare = false;
    else if (a == "--profile-polls") o.profilePolls = std::stod(value());
    else if (a == "--profile-threads") o.profileThreads = std::stoi(value());
    else if (a == "--profile-https") o.profileHttps = true;
    else throw std::runtime_error("unknown option " + a + "\n" + usage());
  }
  if (o.emulator.empty() || o.plugin.empty()) throw std::runtime_error("--emulator and --plugin are required\n" + usage());
  // Children and node run elsewhere: every path absolute.
  for (std::string* path : {&o.emulator, &o.plugin, &o.jsScript, &o.jsModules, &o.workDir}) {
    if (path->empty()) continue;
    char* real = realpath(path->c_str(), nullptr);
    if (!real) throw std::runtime_error(*path + " does not exist");
    *path = real;
    free(real);
  }
  return o;
}

std::string selfPath() {
  char buffer[4096];
  const ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string("polysync-bench");
}

void progress(const std::string& line) { std::cerr << "polysync-bench: " << line << std::endl; }

double ratio(double a, double b) { return (a > 0 && b > 0) ? a / b : kNaN; }
double mb(double bytes) { return bytes / (1024.0 * 1024.0); }

// Poll throughput of one protocol: the plugin, wrk and the SDK at 1 and 8 connections, on one emulator.
// CPU per request of each client and of the emulator serving it (from the round that counted).
struct ProtocolResult {
  double plugin[2] = {0, 0}, wrk[2] = {kNaN, kNaN}, js[2] = {kNaN, kNaN}, cpuUs[2] = {0, 0};
  double emulatorUsPlugin[2] = {kNaN, kNaN}, emulatorUsWrk[2] = {kNaN, kNaN};
  double wrkCpuUs[2] = {kNaN, kNaN}, jsCpuUs[2] = {kNaN, kNaN};
};

double microsPer(double seconds, double count) { return count > 0 ? seconds * 1e6 / count : kNaN; }

std::vector<std::string> makeRunningJobs(const EmulatorProcess& emulator, const Instance& instance, int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "bench-poll-%02d", i);
    const std::string id = instance.run("train-pipeline-template", {}, key);
    emulator.admin("POST", "jobs/" + id + "/status", R"({"status":"Running"})");
    ids.push_back(id);
  }
  return ids;
}

ProtocolResult measureProtocol(const Options& o, const Sizes& sizes, const PluginLibrary& library, Report& report) {
  ProtocolResult r;
  const bool https = report.has("poll_http_1t_plugin_per_s");  // http first, then https
  const std::string proto = https ? "https" : "http";
  progress("poll throughput over " + proto);
  EmulatorProcess emulator({o.emulator, https, {}, o.workDir});
  auto instance = library.create(emulator.pluginSettings());
  const auto runIds = makeRunningJobs(emulator, *instance, kManyThreads);
  const std::string token = emulator.mintArmToken();
  const JsLoad js{o.node, o.jsScript, o.jsModules};
  const int threads[2] = {1, kManyThreads};
  std::vector<std::pair<std::string, std::string>> notes;
  for (int i = 0; i < 2; ++i) {
    const std::string t = std::to_string(threads[i]) + "t";
    // The machine is shared: another process can only slow a round down, so the best round of each client
    // is the closest to what it can do; the rounds alternate so both see the same conditions.
    for (int round = 0; round < sizes.rounds; ++round) {
      double emulatorCpu = emulator.cpuSeconds();
      const PollResult p = runPolls(*instance, runIds, threads[i], sizes.pollSeconds);
      if (p.errors) notes.emplace_back("poll_" + proto + "_" + t + "_errors", p.firstError);
      if (p.rate > r.plugin[i]) {
        r.plugin[i] = p.rate;
        r.cpuUs[i] = p.cpuMicrosPerPoll;
        r.emulatorUsPlugin[i] = microsPer(emulator.cpuSeconds() - emulatorCpu, static_cast<double>(p.polls));
      }
      if (!o.compare) continue;
      emulatorCpu = emulator.cpuSeconds();
      const LoadResult w = runWrk(o.wrk, emulator.jobUrl(runIds[0]), token, threads[i], sizes.pollSeconds);
      if (!w.error.empty()) notes.emplace_back("wrk_" + proto + "_" + t + "_error", w.error);
      if (w.rate > 0 && !(w.rate <= r.wrk[i])) {  // NaN until the first success
        r.wrk[i] = w.rate;
        const double requests = static_cast<double>(w.requests);
        r.wrkCpuUs[i] = microsPer(w.cpuSeconds, requests);
        r.emulatorUsWrk[i] = microsPer(emulator.cpuSeconds() - emulatorCpu, requests);
      }
    }
    if (!o.compare) continue;
    const LoadResult j = runJsSdk(js, emulator.baseUrl(), emulator.caCertPath(), token, runIds[0], threads[i],
                                  sizes.jsSeconds);
    if (!j.error.empty()) notes.emplace_back("js_" + proto + "_" + t + "_error", j.error);
    r.js[i] = j.rate > 0 ? j.rate : kNaN;
    // Node's start-up and warm-up count too: an upper bound.
    r.jsCpuUs[i] = microsPer(j.cpuSeconds, static_cast<double>(j.requests));
  }
  report.section("Poll throughput over " + proto + " (polls or requests per second, best of " +
                 std::to_string(sizes.rounds) + " rounds; one GET each)");
  for (const auto& [key, text] : notes) report.note(key, text);
  for (int i = 0; i < 2; ++i) {
    const std::string t = std::to_string(threads[i]) + "t";
    const std::string k = "poll_" + proto + "_" + t;
    report.add(k + "_plugin_per_s", r.plugin[i], "/s", "plugin, " + t + " (ABI poll)");
    report.add(k + "_wrk_per_s", r.wrk[i], "/s", "wrk, " + std::to_string(threads[i]) + " connection(s)");
    report.add(k + "_js_per_s", r.js[i], "/s", "JavaScript SDK jobs.get, concurrency " + std::to_string(threads[i]));
    const double vsWrk = ratio(r.plugin[i], r.wrk[i]), vsJs = ratio(r.plugin[i], r.js[i]);
    report.add(k + "_vs_wrk", vsWrk, "x", "plugin / wrk, " + t, ">= 0.6", vsWrk >= 0.6);
    report.add(k + "_vs_js", vsJs, "x", "plugin / JavaScript SDK, " + t, ">= 2", vsJs >= 2);
    report.add(k + "_cpu_us_per_poll", r.cpuUs[i], "us", "plugin CPU per poll (calling thread), " + t);
    report.add(k + "_wrk_cpu_us_per_req", r.wrkCpuUs[i], "us", "wrk CPU per request, " + t);
    report.add(k + "_js_cpu_us_per_req", r.jsCpuUs[i], "us", "Node + SDK CPU per request (incl. start-up), " + t);
    report.add(k + "_emulator_us_per_poll", r.emulatorUsPlugin[i], "us", "emulator CPU per plugin poll, " + t);
    report.add(k + "_emulator_us_per_wrk_req", r.emulatorUsWrk[i], "us", "emulator CPU per wrk request, " + t);
  }
  return r;
}

void measureEconomyAndRuns(const Options& o, const Sizes& sizes, const PluginLibrary& library, Report& report) {
  progress("economy, coalescing, runs");
  EmulatorProcess emulator({o.emulator, true, {}, o.workDir});
  auto instance = library.create(emulator.pluginSettings());
  const auto runIds = makeRunningJobs(emulator, *instance, kManyThreads);
  // A fresh instance that only polls: its sign-in, connections and GETs are all the poll path's.
  auto poller = library.create(emulator.pluginSettings());
  const auto before = emulator.stats();
  const PollResult p = runPolls(*poller, runIds, kManyThreads, 0, sizes.economyPolls);
  const auto after = emulator.stats();
  const long polls = p.polls + kManyThreads /* warm-up polls */;
  const long connections = after.connectionsAccepted - before.connectionsAccepted - 1;  // -1: the stats call
  const long tokens = after.tokensIssued - before.tokensIssued;
  report.section("Economy (one fresh instance, 8 threads polling; HTTPS)");
  report.add("economy_polls", static_cast<double>(polls), "", "polls made on the instance");
  if (p.errors) report.note("economy_poll_errors", p.firstError);
  report.add("tokens_per_100k_calls", static_cast<double>(tokens), "", "token requests over those polls", "1",
             tokens == 1);
  report.add("connections_per_100k_polls", static_cast<double>(connections), "",
             "TCP connections opened over those polls", "<= 8", connections <= kManyThreads);
  const double getsPerPoll = static_cast<double>(after.jobsGet - before.jobsGet) / static_cast<double>(polls);
  report.add("arm_gets_per_poll", getsPerPoll, "", "ARM requests per poll (GETs)", "1", std::fabs(getsPerPoll - 1) < 1e-9);

  // Run History while the runs go on: every run has been polled (its first Running poll read its start time
  // and steps); from here on each run costs at most one read of each per pacing interval (20 s), however
  // often it is polled. Measured over a further stretch of polling, per run and minute of it.
  const auto h0 = emulator.stats();
  const auto t0 = std::chrono::steady_clock::now();
  runPolls(*poller, runIds, kManyThreads, sizes.historySeconds);
  const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 60.0;
  const auto h1 = emulator.stats();
  const double historyRequests =
      static_cast<double>(h1.historyRun - h0.historyRun + h1.historyChildren - h0.historyChildren);
  const double perRunMinute = historyRequests / static_cast<double>(runIds.size()) / std::max(minutes, 1e-9);
  report.add("history_requests_per_run_minute", perRunMinute, "",
             "Run History requests per Running run and minute of polling (start time + steps, paced)", "<= 6",
             perRunMinute <= 6.0 + 1e-9);

  const auto beforeRuns = emulator.stats();
  const RunRequests rr = countRunRequests(emulator, *poller);
  report.add("tokens_for_first_runs", static_cast<double>(emulator.stats().tokensIssued - beforeRuns.tokensIssued),
             "", "token requests the first runs add (x-azureml-token)", "1");
  report.add("arm_requests_per_run", static_cast<double>(rr.getsUnkeyed + rr.putsUnkeyed), "",
             "ARM requests per run, no idempotency key (GET + PUT)", "2", rr.getsUnkeyed == 1 && rr.putsUnkeyed == 1);
  report.add("arm_requests_per_run_keyed", static_cast<double>(rr.getsKeyed + rr.putsKeyed), "",
             "ARM requests per run with a key (" + std::to_string(rr.getsKeyed) + " GET + " +
                 std::to_string(rr.putsKeyed) + " PUT)");

  // Coalescing: the first GET is slowed (trickled) so every poll arrives while it is in flight.
  emulator.admin("POST", "faults", R"({"route":"jobs.get","kind":"trickle","chunkBytes":256,"delayMs":25,"count":1})");
  const auto c0 = emulator.stats();
  const int ok = pollTogether(*instance, runIds[0], kManyThreads);
  const auto c1 = emulator.stats();
  report.section("Coalescing (8 polls of one RunId released together, first GET slowed)");
  report.add("coalesced_polls_ok", ok, "", "polls answered");
  report.add("coalesced_gets", static_cast<double>(c1.jobsGet - c0.jobsGet), "", "ARM GETs they cost", "1",
             c1.jobsGet - c0.jobsGet == 1);

  report.section("Run by template size (median of " + std::to_string(sizes.repeats) + "; HTTPS)");
  for (int steps : sizes.steps) {
    progress("run of a " + std::to_string(steps) + "-step template");
    const RunSplit s = measureRun(emulator, *instance, steps, sizes.repeats);
    const std::string k = "run_" + std::to_string(steps);
    const std::string what = std::to_string(steps) + " steps";
    const double size = static_cast<double>(s.templateBytes);
    report.add(k + "_template_kb", size / 1024.0, "KB", what + ": template size");
    report.add(k + "_fetch_ms", s.fetchMs, "ms", what + ": fetch (GET)");
    report.add(k + "_clone_ms", s.cloneMs, "ms", what + ": clone+overlay");
    report.add(k + "_clone_peak_ratio", static_cast<double>(s.clonePeakBytes) / size, "x",
               what + ": clone extra peak heap / size");
    const bool refused = !s.submitError.empty();
    report.add(k + "_submit_status", s.submitStatus, "", what + ": submit's HTTP status");
    report.add(k + "_submit_ms", s.submitMs, "ms",
               what + (refused ? ": submit (PUT) until refused" : ": submit (PUT)"));
    report.add(k + "_abi_run_ms", s.abiRunMs, "ms",
               what + (refused ? ": whole run through the ABI until refused" : ": whole run through the ABI"));
    report.add(k + "_run_peak_ratio", static_cast<double>(s.runPeakBytes) / size, "x",
               what + ": whole run's extra peak heap / size");
    if (refused) {  // from the status on: the URL says nothing new
      const auto at = s.submitError.find("HTTP ");
      report.note(k + "_submit_error", s.submitError.substr(at == std::string::npos ? 0 : at, 200));
    }
  }
  progress("clone of a " + std::to_string(sizes.cloneGoalSteps) + "-step template");
  const RunSplit big = measureRun(emulator, *instance, sizes.cloneGoalSteps, sizes.repeats, /*cloneOnly=*/true);
  const double peakRatio = static_cast<double>(big.clonePeakBytes) / static_cast<double>(big.templateBytes);
  report.add("clone_10mb_template_mb", mb(static_cast<double>(big.templateBytes)), "MB",
             "goal template (" + std::to_string(sizes.cloneGoalSteps) + " steps): size");
  report.add("clone_10mb_fetch_ms", big.fetchMs, "ms", "goal template: fetch (GET)");
  report.add("clone_10mb_ms", big.cloneMs, "ms", "goal template: clone+overlay", "<= 100", big.cloneMs <= 100);
  report.add("clone_10mb_peak_ratio", peakRatio, "x", "goal template: extra peak heap / size", "<= 4",
             peakRatio <= 4);
}

void measureImports(const Options& o, const Sizes& sizes, Report& report) {
  report.section("Import (fresh process each; every job streamed to a counting sink; HTTPS)");
  double growth[2] = {0, 0};
  const int counts[2] = {sizes.importSmall, sizes.importLarge};
  for (int i = 0; i < 2; ++i) {
    progress("import of " + std::to_string(counts[i]) + " jobs");
    EmulatorProcess emulator({o.emulator, true, {"--generate-jobs", std::to_string(counts[i])}, o.workDir});
    const auto r = runChild(selfPath(), "import", o.plugin, emulator.baseUrl(), emulator.caCertPath());
    const std::string k = "import_" + std::to_string(counts[i]);
    growth[i] = r.at("peakGrowthBytes");
    report.add(k + "_jobs", r.at("jobs"), "", "jobs imported (" + std::to_string(counts[i]) + " generated + seed)");
    report.add(k + "_ms", r.at("ms"), "ms", std::to_string(counts[i]) + " jobs: time");
    report.add(k + "_peak_growth_mb", mb(growth[i]), "MB", std::to_string(counts[i]) + " jobs: peak RSS growth");
  }
  const double extra = mb(growth[1] - growth[0]);
  report.add("import_100k_extra_mb", extra, "MB",
             std::to_string(counts[1]) + " vs " + std::to_string(counts[0]) + " jobs: extra peak", "<= 10",
             extra <= 10);
}

void measureStartup(const Options& o, Report& report) {
  progress("start-up");
  EmulatorProcess emulator({o.emulator, true, {}, o.workDir});
  const auto r = runChild(selfPath(), "startup", o.plugin, emulator.baseUrl(), emulator.caCertPath());
  report.section("Start-up (fresh process)");
  report.add("startup_load_init_ms", r.at("loadInitMs"), "ms", "dlopen + entry + init");
  report.add("startup_create_ms", r.at("createMs"), "ms", "create (instance, no network)");
  report.add("idle_instance_kb", r.at("idleInstanceBytes") / 1024.0, "KB", "RSS of the loaded plugin + idle instance");
  report.add("first_poll_ms", r.at("firstPollMs"), "ms", "first poll (sign-in, TLS, GET, Run History)");
}

// Only the poll loop, for a profiler: `perf record -g polysync-bench --profile-polls 10 ...` (1 thread over
// HTTP; --profile-threads N, --profile-https).
int profilePolls(const Options& o) {
  EmulatorProcess emulator({o.emulator, o.profileHttps, {}, o.workDir});
  PluginLibrary library(o.plugin);
  auto instance = library.create(emulator.pluginSettings());
  const auto runIds = makeRunningJobs(emulator, *instance, o.profileThreads);
  const double emulatorCpu0 = emulator.cpuSeconds();
  const PollResult p = runPolls(*instance, runIds, o.profileThreads, o.profilePolls);
  const double emulatorUs = (emulator.cpuSeconds() - emulatorCpu0) * 1e6 / static_cast<double>(p.polls);
  std::cout << p.rate << " polls/s, " << p.cpuMicrosPerPoll << " us CPU per poll, emulator " << emulatorUs
            << " us CPU per poll, " << p.errors << " errors " << p.firstError << "\n";
  if (o.compare) {
    const double w0 = emulator.cpuSeconds();
    const LoadResult w = runWrk(o.wrk, emulator.jobUrl(runIds[0]), emulator.mintArmToken(), o.profileThreads,
                                o.profilePolls);
    std::cout << "wrk: " << w.rate << " requests/s, emulator "
              << (emulator.cpuSeconds() - w0) * 1e6 / static_cast<double>(w.requests) << " us CPU per request "
              << w.error << "\n";
  }
  return 0;
}

int benchMain(const Options& o) {
  if (o.profilePolls > 0) return profilePolls(o);
  const Sizes sizes = sizesFor(o.mode);
  Report report;
  report.section("Settings");
  report.note("mode", o.mode);
  const Stopwatch total;
  measureStartup(o, report);
  PluginLibrary library(o.plugin);
  ProtocolResult results[2];
  for (auto& r : results) r = measureProtocol(o, sizes, library, report);
  report.section("Poll goals (the worse of HTTP and HTTPS)");
  const char* names[2] = {"1t", "8t"};
  for (int i = 0; i < 2; ++i) {
    double vsWrk = kNaN, vsJs = kNaN;
    for (const auto& r : results) {
      const double w = ratio(r.plugin[i], r.wrk[i]), j = ratio(r.plugin[i], r.js[i]);
      vsWrk = std::isnan(vsWrk) || w < vsWrk ? w : vsWrk;
      vsJs = std::isnan(vsJs) || j < vsJs ? j : vsJs;
    }
    const std::string t = names[i];
    report.add("poll_" + t + "_vs_wrk", vsWrk, "x", "plugin / wrk, " + t, ">= 0.6", vsWrk >= 0.6);
    report.add("poll_" + t + "_vs_js", vsJs, "x", "plugin / JavaScript SDK, " + t, ">= 2", vsJs >= 2);
  }
  measureEconomyAndRuns(o, sizes, library, report);
  measureImports(o, sizes, report);
  report.section("Total");
  report.add("bench_seconds", total.seconds(), "s", "wall time of this benchmark");
  std::cout << report.table() << std::flush;
  if (!o.json.empty()) {
    std::ofstream out(o.json);
    out << report.json();
    if (!out) throw std::runtime_error("cannot write " + o.json);
  }
  return 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--child") return bench::childMain({argv + 2, argv + argc});
  try {
    const bench::Options options = bench::parse(argc, argv);
    return bench::benchMain(options);
  } catch (const std::exception& e) {
    std::cerr << "polysync-bench: " << e.what() << "\n";
    return 1;
  }
}
