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
#include "CpuPinning.h"
#include "EmulatorProcess.h"
#include "FleetBench.h"
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
  bool compare = true;      // run wrk and the JavaScript SDK
  double profilePolls = 0;  // > 0: only poll for this long (for perf), 1 thread over HTTP unless below
  int profileThreads = 1;
  bool profileHttps = false;
  bool profileArmOnly = false;  // poll status from Resource Manager only
  bool onlyFleet = false;       // only the fleet scenario (both status paths)
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
  int fleetRuns;
  double fleetSimSeconds, fleetRunSimSeconds;
};

Sizes sizesFor(const std::string& mode) {
  if (mode == "smoke") return {0.2, 1, 0.2, 1, {10, 100}, 200, 100, 1000, 500, 0.5, 10, 120, 60};
  if (mode == "quick")
    return {1.0, 2, 1.0, 3, {10, 1000, 10000}, 14000, 1000, 100000, 20000, 5.0, 200, 1200, 600};
  // 30 s of polling spans a pacing interval (20 s): the figure includes the reads that come due.
  return {1.0, 5, 3.0, 5, {10, 1000, 10000}, 14000, 1000, 100000, 100000, 30.0, 2000, 3600, 1200};
}

std::string usage() {
  return "usage: polysync-bench --emulator PATH --plugin PATH [--quick | --smoke] [--json FILE] [--wrk "
         "PATH]\n"
         "                      [--node PATH] [--js-script FILE] [--js-modules DIR] [--work-dir DIR] "
         "[--no-compare]\n"
         "       polysync-bench ... --profile-polls SECONDS [--profile-threads N] [--profile-https] "
         "[--profile-arm-only]\n"
         "       polysync-bench ... [--quick | --smoke] --only-fleet   (only the fleet scenario)\n";
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value\n" + usage());
      return argv[++i];
    };
    if (a == "--quick")
      o.mode = "quick";
    else if (a == "--smoke")
      o.mode = "smoke";
    else if (a == "--json")
      o.json = value();
    else if (a == "--emulator")
      o.emulator = value();
    else if (a == "--plugin")
      o.plugin = value();
    else if (a == "--wrk")
      o.wrk = value();
    else if (a == "--node")
      o.node = value();
    else if (a == "--js-script")
      o.jsScript = value();
    else if (a == "--js-modules")
      o.jsModules = value();
    else if (a == "--work-dir")
      o.workDir = value();
    else if (a == "--no-compare")
      o.compare = false;
    else if (a == "--profile-polls")
      o.profilePolls = std::stod(value());
    else if (a == "--profile-threads")
      o.profileThreads = std::stoi(value());
    else if (a == "--profile-https")
      o.profileHttps = true;
    else if (a == "--profile-arm-only")
      o.profileArmOnly = true;
    else if (a == "--only-fleet")
      o.onlyFleet = true;
    else
      throw std::runtime_error("unknown option " + a + "\n" + usage());
  }
  if (o.emulator.empty() || o.plugin.empty())
    throw std::runtime_error("--emulator and --plugin are required\n" + usage());
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
  // 8 threads with the emulator on a CPU of its own (CpuPinning): plugin and wrk per second.
  double pluginOwnCore = kNaN, wrkOwnCore = kNaN;
  // wrk's 8 connections (2 threads) all asking for one run: how wrk was run before it asked for the plugin's
  // runs.
  double wrkOneRun = kNaN;
};

double microsPer(double seconds, double count) { return count > 0 ? seconds * 1e6 / count : kNaN; }

std::vector<std::string> makeRunningJobs(const EmulatorProcess& emulator, const Instance& instance,
                                         int count) {
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

// The 8-thread rounds again with the emulator on a CPU of its own and the clients on the others: what each
// client gets from the server when it does not take the server's CPU (with Azure it never does). Skipped on
// a machine of one CPU.
void measureWithServerApart(const Options& o, const Sizes& sizes, const EmulatorProcess& emulator,
                            const Instance& instance, const std::vector<std::string>& runIds,
                            const std::vector<std::string>& wrkUrls, const std::string& token,
                            ProtocolResult& r) {
  const auto pinning = CpuPinning::serverApart(emulator.pid());
  if (!pinning) return;
  for (int round = 0; round < sizes.rounds; ++round) {
    const PollResult p = runPolls(instance, runIds, kManyThreads, sizes.pollSeconds);
    if (!p.errors && !(p.rate <= r.pluginOwnCore)) r.pluginOwnCore = p.rate;  // NaN until the first
    const LoadResult w = runWrkScripted(o.wrk, wrkUrls, token, kManyThreads, sizes.pollSeconds, o.workDir);
    if (w.error.empty() && w.rate > 0 && !(w.rate <= r.wrkOwnCore)) r.wrkOwnCore = w.rate;
  }
}

// Both status paths: Run History (the default, `Automatic`: wrk then fetches the same Run History URL) and
// `Resource Manager` (wrk fetches the job). The JavaScript SDK reads the job either way (its poll is
// jobs.get), measured on the default path's pass and reused for the other.
ProtocolResult measureProtocol(const Options& o, const Sizes& sizes, const PluginLibrary& library,
                               Report& report, bool https, bool armOnly, const ProtocolResult* jsFrom) {
  ProtocolResult r;
  const std::string proto = https ? "https" : "http";
  const std::string path = armOnly ? "arm_only_" : "";
  progress(std::string("poll throughput over ") + proto + (armOnly ? ", Resource Manager only" : ""));
  EmulatorProcess emulator({o.emulator, https, {}, o.workDir});
  auto settings = emulator.pluginSettings();
  if (armOnly) settings.emplace_back("Status Source", "Resource Manager");
  auto instance = library.create(settings);
  const auto runIds = makeRunningJobs(emulator, *instance, kManyThreads);
  const std::string token = emulator.mintArmToken();
  // wrk asks for the runs the plugin's threads poll (thread t polls run t), so the server does the same work
  // for both clients: the one run at 1 connection; at 8, the 8 runs in turn (a script: plain wrk asks for one
  // URL).
  std::vector<std::string> wrkUrls;
  for (const auto& id : runIds) wrkUrls.push_back(armOnly ? emulator.jobUrl(id) : emulator.historyRunUrl(id));
  const auto runWrkAs = [&](int threads) {
    return threads == 1 ? runWrk(o.wrk, wrkUrls.front(), token, 1, sizes.pollSeconds)
                        : runWrkScripted(o.wrk, wrkUrls, token, threads, sizes.pollSeconds, o.workDir);
  };
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
      if (p.errors) notes.emplace_back("poll_" + path + proto + "_" + t + "_errors", p.firstError);
      if (p.rate > r.plugin[i]) {
        r.plugin[i] = p.rate;
        r.cpuUs[i] = p.cpuMicrosPerPoll;
        r.emulatorUsPlugin[i] = microsPer(emulator.cpuSeconds() - emulatorCpu, static_cast<double>(p.polls));
      }
      if (!o.compare) continue;
      emulatorCpu = emulator.cpuSeconds();
      const LoadResult w = runWrkAs(threads[i]);
      if (!w.error.empty()) notes.emplace_back("wrk_" + path + proto + "_" + t + "_error", w.error);
      if (w.rate > 0 && !(w.rate <= r.wrk[i])) {  // NaN until the first success
        r.wrk[i] = w.rate;
        const double requests = static_cast<double>(w.requests);
        r.wrkCpuUs[i] = microsPer(w.cpuSeconds, requests);
        r.emulatorUsWrk[i] = microsPer(emulator.cpuSeconds() - emulatorCpu, requests);
      }
      if (threads[i] != kManyThreads) continue;
      const LoadResult one = runWrk(o.wrk, wrkUrls.front(), token, kManyThreads, sizes.pollSeconds);
      if (one.error.empty() && one.rate > 0 && !(one.rate <= r.wrkOneRun)) r.wrkOneRun = one.rate;
    }
    if (!o.compare) continue;
    if (threads[i] == kManyThreads)
      measureWithServerApart(o, sizes, emulator, *instance, runIds, wrkUrls, token, r);
    if (jsFrom) {
      r.js[i] = jsFrom->js[i];
      r.jsCpuUs[i] = jsFrom->jsCpuUs[i];
      continue;
    }
    const LoadResult j = runJsSdk(js, emulator.baseUrl(), emulator.caCertPath(), token, runIds[0], threads[i],
                                  sizes.jsSeconds);
    if (!j.error.empty()) notes.emplace_back("js_" + proto + "_" + t + "_error", j.error);
    r.js[i] = j.rate > 0 ? j.rate : kNaN;
    // Node's start-up and warm-up count too: an upper bound.
    r.jsCpuUs[i] = microsPer(j.cpuSeconds, static_cast<double>(j.requests));
  }
  report.section("Poll throughput over " + proto +
                 (armOnly ? ", Resource Manager only (one job GET each" : ", Run History (one run GET each") +
                 "; polls or requests per second, best of " + std::to_string(sizes.rounds) + " rounds)");
  for (const auto& [key, text] : notes) report.note(key, text);
  for (int i = 0; i < 2; ++i) {
    const std::string t = std::to_string(threads[i]) + "t";
    const std::string k = "poll_" + path + proto + "_" + t;
    report.add(k + "_plugin_per_s", r.plugin[i], "/s", "plugin, " + t + " (ABI poll)");
    report.add(k + "_wrk_per_s", r.wrk[i], "/s", "wrk, " + std::to_string(threads[i]) + " connection(s)");
    report.add(k + "_js_per_s", r.js[i], "/s",
               "JavaScript SDK jobs.get, concurrency " + std::to_string(threads[i]));
    const double vsWrk = ratio(r.plugin[i], r.wrk[i]), vsJs = ratio(r.plugin[i], r.js[i]);
    report.add(k + "_vs_wrk", vsWrk, "x", "plugin / wrk, " + t, ">= 0.6", vsWrk >= 0.6);
    report.add(k + "_vs_js", vsJs, "x", "plugin / JavaScript SDK, " + t, ">= 2", vsJs >= 2);
    report.add(k + "_cpu_us_per_poll", r.cpuUs[i], "us", "plugin CPU per poll (calling thread), " + t);
    report.add(k + "_wrk_cpu_us_per_req", r.wrkCpuUs[i], "us", "wrk CPU per request, " + t);
    report.add(k + "_js_cpu_us_per_req", r.jsCpuUs[i], "us",
               "Node + SDK CPU per request (incl. start-up), " + t);
    report.add(k + "_emulator_us_per_poll", r.emulatorUsPlugin[i], "us",
               "emulator CPU per plugin poll, " + t);
    report.add(k + "_emulator_us_per_wrk_req", r.emulatorUsWrk[i], "us",
               "emulator CPU per wrk request, " + t);
  }
  report.add("poll_" + path + proto + "_8t_wrk_one_run_per_s", r.wrkOneRun, "/s",
             "wrk, 8 connections (2 threads) all on one run (informative)");
  const std::string own = "poll_" + path + proto + "_8t_own_core";
  report.add(own + "_plugin_per_s", r.pluginOwnCore, "/s", "plugin, 8t, the emulator on a CPU of its own");
  report.add(own + "_wrk_per_s", r.wrkOwnCore, "/s", "wrk, 8 connections, the emulator on a CPU of its own");
  report.add(own + "_vs_wrk", ratio(r.pluginOwnCore, r.wrkOwnCore), "x",
             "plugin / wrk, 8t, the emulator on a CPU of its own");
  return r;
}

void measureEconomyAndRuns(const Options& o, const Sizes& sizes, const PluginLibrary& library,
                           Report& report) {
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
  report.add("arm_gets_per_poll", getsPerPoll, "", "ARM requests per poll of a live run", "0",
             getsPerPoll == 0);
  const double historyPerPoll =
      static_cast<double>(after.historyRun - before.historyRun) / static_cast<double>(polls);
  report.add("history_gets_per_poll", historyPerPoll, "", "Run History requests per poll", "1",
             std::fabs(historyPerPoll - 1) < 1e-9);
  report.add("arm_reads_per_instance", static_cast<double>(after.workspaceGet - before.workspaceGet), "",
             "ARM reads the instance's discovery cost (the workspace), once", "1",
             after.workspaceGet - before.workspaceGet == 1);
  // The same for `Status Source` = `Resource Manager`: every poll one ARM GET.
  auto armPoller = library.create([&] {
    auto settings = emulator.pluginSettings();
    settings.emplace_back("Status Source", "Resource Manager");
    return settings;
  }());
  const long armPolls = std::max<long>(kManyThreads, sizes.economyPolls / 10);
  const auto armBefore = emulator.stats();
  const PollResult ap = runPolls(*armPoller, runIds, kManyThreads, 0, armPolls);
  const auto armAfter = emulator.stats();
  const double armGetsPerPoll = static_cast<double>(armAfter.jobsGet - armBefore.jobsGet) /
                                static_cast<double>(ap.polls + kManyThreads);
  report.add("arm_only_arm_gets_per_poll", armGetsPerPoll, "", "ARM requests per poll, Resource Manager only",
             "1", std::fabs(armGetsPerPoll - 1) < 1e-9);

  // Run History while the runs go on: every run has been polled (its first Running poll read its start time
  // and steps); from here on each run costs at most one read of each per pacing interval (20 s), however
  // often it is polled. Measured over a further stretch of polling, per run and minute of it. Each poll's own
  // status read is a Run History GET too (one per poll, the warm-up poll of each thread included): it is
  // `history_gets_per_poll`, not progress, so it is taken out here.
  const auto h0 = emulator.stats();
  const auto t0 = std::chrono::steady_clock::now();
  const PollResult hp = runPolls(*poller, runIds, kManyThreads, sizes.historySeconds);
  const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 60.0;
  const auto h1 = emulator.stats();
  const long statusReads = hp.polls + kManyThreads;
  const long extraRunReads = std::max<long>(0, h1.historyRun - h0.historyRun - statusReads);
  const double historyRequests = static_cast<double>(extraRunReads + h1.historyChildren - h0.historyChildren);
  const double perRunMinute = historyRequests / static_cast<double>(runIds.size()) / std::max(minutes, 1e-9);
  report.add("history_requests_per_run_minute", perRunMinute, "",
             "Run History requests per Running run and minute of polling (start time + steps, paced)", "<= 6",
             perRunMinute <= 6.0 + 1e-9);

  const auto beforeRuns = emulator.stats();
  const RunRequests rr = countRunRequests(emulator, *poller);
  report.add("tokens_for_first_runs",
             static_cast<double>(emulator.stats().tokensIssued - beforeRuns.tokensIssued), "",
             "token requests the first runs add (x-azureml-token)", "1");
  report.add("arm_requests_per_run", static_cast<double>(rr.getsUnkeyed + rr.putsUnkeyed), "",
             "ARM requests per run, no idempotency key (GET + PUT)", "2",
             rr.getsUnkeyed == 1 && rr.putsUnkeyed == 1);
  report.add("arm_requests_per_run_keyed", static_cast<double>(rr.getsKeyed + rr.putsKeyed), "",
             "ARM requests per run with a key (" + std::to_string(rr.getsKeyed) + " GET + " +
                 std::to_string(rr.putsKeyed) + " PUT)");

  // Coalescing: the first GET is slowed (trickled) so every poll arrives while it is in flight; on each path.
  report.section("Coalescing (8 polls of one RunId released together, first GET slowed)");
  emulator.admin("POST", "faults",
                 R"({"route":"history.run","kind":"trickle","chunkBytes":256,"delayMs":25,"count":1})");
  const auto c0 = emulator.stats();
  const int ok = pollTogether(*instance, runIds[0], kManyThreads);
  const auto c1 = emulator.stats();
  report.add("coalesced_polls_ok", ok, "", "polls answered");
  report.add("coalesced_gets", static_cast<double>(c1.historyRun - c0.historyRun), "",
             "Run History GETs they cost", "1",
             c1.historyRun - c0.historyRun == 1 && c1.jobsGet == c0.jobsGet);
  emulator.admin("POST", "faults",
                 R"({"route":"jobs.get","kind":"trickle","chunkBytes":256,"delayMs":25,"count":1})");
  const auto a0 = emulator.stats();
  const int armOk = pollTogether(*armPoller, runIds[0], kManyThreads);
  const auto a1 = emulator.stats();
  report.add("coalesced_arm_only_polls_ok", armOk, "", "polls answered, Resource Manager only");
  report.add("coalesced_arm_only_gets", static_cast<double>(a1.jobsGet - a0.jobsGet), "",
             "ARM GETs they cost, Resource Manager only", "1", a1.jobsGet - a0.jobsGet == 1);

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
    report.add(
        k + "_abi_run_ms", s.abiRunMs, "ms",
        what + (refused ? ": whole run through the ABI until refused" : ": whole run through the ABI"));
    report.add(k + "_run_peak_ratio", static_cast<double>(s.runPeakBytes) / size, "x",
               what + ": whole run's extra peak heap / size");
    if (refused) {  // from the status on: the URL says nothing new
      const auto at = s.submitError.find("HTTP ");
      report.note(k + "_submit_error", s.submitError.substr(at == std::string::npos ? 0 : at, 200));
    }
  }
  progress("clone of a " + std::to_string(sizes.cloneGoalSteps) + "-step template");
  const RunSplit big =
      measureRun(emulator, *instance, sizes.cloneGoalSteps, sizes.repeats, /*cloneOnly=*/true);
  const double peakRatio = static_cast<double>(big.clonePeakBytes) / static_cast<double>(big.templateBytes);
  report.add("clone_10mb_template_mb", mb(static_cast<double>(big.templateBytes)), "MB",
             "goal template (" + std::to_string(sizes.cloneGoalSteps) + " steps): size");
  report.add("clone_10mb_fetch_ms", big.fetchMs, "ms", "goal template: fetch (GET)");
  report.add("clone_10mb_ms", big.cloneMs, "ms", "goal template: clone+overlay", "<= 100",
             big.cloneMs <= 100);
  report.add("clone_10mb_peak_ratio", peakRatio, "x", "goal template: extra peak heap / size", "<= 4",
             peakRatio <= 4);
}

void measureFleet(const Options& o, const Sizes& sizes, const PluginLibrary& library, Report& report) {
  FleetConfig config;
  config.emulatorBinary = o.emulator;
  config.workDir = o.workDir;
  config.runs = sizes.fleetRuns;
  config.simSeconds = sizes.fleetSimSeconds;
  config.runSimSeconds = sizes.fleetRunSimSeconds;
  report.section("Fleet (" + std::to_string(config.runs) + " runs in flight, polled every " +
                 std::to_string(static_cast<int>(config.intervalSimSeconds)) + " s honouring hints, " +
                 std::to_string(static_cast<int>(config.simSeconds / 60)) + " simulated minutes at " +
                 std::to_string(static_cast<int>(config.timeScale)) + " x; both planes' buckets on; HTTP)");
  for (const bool armOnly : {false, true}) {
    progress(std::string("fleet of ") + std::to_string(config.runs) +
             (armOnly ? ", Resource Manager only" : ""));
    config.armOnly = armOnly;
    const FleetResult r = runFleet(library, config);
    const std::string k = armOnly ? "fleet_arm_only_" : "fleet_";
    const std::string how = armOnly ? " (Resource Manager only)" : "";
    report.add(k + "runs", static_cast<double>(r.runsSubmitted), "", "runs submitted" + how);
    report.add(k + "runs_finished", static_cast<double>(r.runsFinished), "", "runs seen finished" + how);
    report.add(k + "polls", static_cast<double>(r.polls), "", "polls" + how);
    report.add(k + "arm_requests_per_run", r.armRequestsPerRun, "", "ARM requests per run" + how,
               armOnly ? "" : "<= 4", armOnly ? std::nullopt : std::optional<bool>(r.armRequestsPerRun <= 4));
    report.add(k + "history_requests_per_poll", r.historyRequestsPerPoll, "",
               "Run History requests per poll" + how, armOnly ? "" : "<= 1",
               armOnly ? std::nullopt : std::optional<bool>(r.historyRequestsPerPoll <= 1 + 1e-9));
    report.add(k + "rate_limited_failures", static_cast<double>(r.rateLimitedFailures), "",
               "polls refused RateLimited + runs reported Failed" + how, armOnly ? "" : "0",
               armOnly ? std::nullopt : std::optional<bool>(r.rateLimitedFailures == 0));
    report.add(k + "completion_lag_p95_ratio", r.lagP95Ratio, "x",
               "p95 of (poll that saw the end - the end) / interval" + how, armOnly ? "" : "<= 1.2",
               armOnly ? std::nullopt : std::optional<bool>(r.lagP95Ratio <= 1.2));
    report.add(k + "seconds", r.seconds, "s", "wall time of the scenario" + how);
    if (r.otherErrors)
      report.note(k + "errors", std::to_string(r.otherErrors) + " other errors; first: " + r.firstError);
  }
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
    report.add(k + "_jobs", r.at("jobs"), "",
               "jobs imported (" + std::to_string(counts[i]) + " generated + seed)");
    report.add(k + "_ms", r.at("ms"), "ms", std::to_string(counts[i]) + " jobs: time");
    report.add(k + "_peak_growth_mb", mb(growth[i]), "MB",
               std::to_string(counts[i]) + " jobs: peak RSS growth");
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
  report.add("idle_instance_kb", r.at("idleInstanceBytes") / 1024.0, "KB",
             "RSS of the loaded plugin + idle instance");
  report.add("first_poll_ms", r.at("firstPollMs"), "ms", "first poll (sign-in, TLS, GET, Run History)");
}

// Only the poll loop, for a profiler: `perf record -g polysync-bench --profile-polls 10 ...` (1 thread over
// HTTP; --profile-threads N, --profile-https, --profile-arm-only).
int profilePolls(const Options& o) {
  EmulatorProcess emulator({o.emulator, o.profileHttps, {}, o.workDir});
  PluginLibrary library(o.plugin);
  auto settings = emulator.pluginSettings();
  if (o.profileArmOnly) settings.emplace_back("Status Source", "Resource Manager");
  auto instance = library.create(settings);
  const auto runIds = makeRunningJobs(emulator, *instance, o.profileThreads);
  const EmulatorProcess::Stats s0 = emulator.stats();
  const double emulatorCpu0 = emulator.cpuSeconds();
  const PollResult p = runPolls(*instance, runIds, o.profileThreads, o.profilePolls);
  const double emulatorUs = (emulator.cpuSeconds() - emulatorCpu0) * 1e6 / static_cast<double>(p.polls);
  const EmulatorProcess::Stats s1 = emulator.stats();
  const auto perPoll = [&](long count) { return static_cast<double>(count) / static_cast<double>(p.polls); };
  std::cout << p.rate << " polls/s, " << p.cpuMicrosPerPoll << " us CPU per poll, emulator " << emulatorUs
            << " us CPU per poll, " << p.errors << " errors " << p.firstError << "\n"
            << "per poll: " << perPoll(s1.historyRun - s0.historyRun) << " Run History reads, "
            << perPoll(s1.jobsGet - s0.jobsGet) << " ARM job reads, "
            << perPoll(s1.connectionsAccepted - s0.connectionsAccepted) << " new connections\n";
  if (o.compare) {
    // wrk for as long as the polls took, three ways: plain on the first run (how wrk was compared before);
    // through the rotation script on that run alone (what the script costs); through it on every polled run
    // in turn (the comparison now). The same bytes for a run each way.
    const auto urlOf = [&](const std::string& id) {
      return o.profileArmOnly ? emulator.jobUrl(id) : emulator.historyRunUrl(id);
    };
    std::vector<std::string> everyRun;
    for (const auto& id : runIds) everyRun.push_back(urlOf(id));
    const double seconds = p.rate > 0 ? static_cast<double>(p.polls) / p.rate : 1;
    const std::string token = emulator.mintArmToken();
    const int n = o.profileThreads;
    const auto show = [&](const std::string& how, const LoadResult& w, double cpuBefore) {
      const auto requests = static_cast<double>(w.requests);
      std::cout << "wrk, " << how << ": " << w.rate << " requests/s, " << w.cpuSeconds * 1e6 / requests
                << " us CPU per request, emulator " << (emulator.cpuSeconds() - cpuBefore) * 1e6 / requests
                << " us CPU per request " << w.error << "\n";
    };
    double w0 = emulator.cpuSeconds();
    show("plain, the first run", runWrk(o.wrk, everyRun.front(), token, n, seconds), w0);
    w0 = emulator.cpuSeconds();
    show("scripted, the first run", runWrkScripted(o.wrk, {everyRun.front()}, token, n, seconds, o.workDir),
         w0);
    w0 = emulator.cpuSeconds();
    show("scripted, every polled run in turn", runWrkScripted(o.wrk, everyRun, token, n, seconds, o.workDir),
         w0);
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
  if (o.onlyFleet) {
    PluginLibrary library(o.plugin);
    measureFleet(o, sizes, library, report);
    report.section("Total");
    report.add("bench_seconds", total.seconds(), "s", "wall time of this benchmark");
    std::cout << report.table() << std::flush;
    if (!o.json.empty()) std::ofstream(o.json) << report.json();
    return 0;
  }
  measureStartup(o, report);
  PluginLibrary library(o.plugin);
  // [path][protocol]: path 0 = Run History (the default), 1 = Resource Manager only; protocol 0 = HTTP.
  ProtocolResult results[2][2];
  for (int proto = 0; proto < 2; ++proto) {
    results[0][proto] = measureProtocol(o, sizes, library, report, proto == 1, false, nullptr);
    results[1][proto] = measureProtocol(o, sizes, library, report, proto == 1, true, &results[0][proto]);
  }
  report.section("Poll goals (the worse of HTTP and HTTPS; plain keys: the worse of both status paths)");
  const char* names[2] = {"1t", "8t"};
  for (int i = 0; i < 2; ++i) {
    double worst[3][2] = {{kNaN, kNaN}, {kNaN, kNaN}, {kNaN, kNaN}};  // [data plane, ARM only, both][wrk, js]
    for (int path = 0; path < 2; ++path) {
      for (const auto& r : results[path]) {
        const double got[2] = {ratio(r.plugin[i], r.wrk[i]), ratio(r.plugin[i], r.js[i])};
        for (int c = 0; c < 2; ++c)
          for (int into : {path, 2})
            if (std::isnan(worst[into][c]) || got[c] < worst[into][c]) worst[into][c] = got[c];
      }
    }
    const std::string t = names[i];
    const char* prefixes[3] = {"poll_data_plane_", "poll_arm_only_", "poll_"};
    const char* labels[3] = {" (Run History)", " (Resource Manager only)", " (both paths)"};
    for (int p = 0; p < 3; ++p) {
      report.add(prefixes[p] + t + "_vs_wrk", worst[p][0], "x", "plugin / wrk, " + t + labels[p], ">= 0.6",
                 worst[p][0] >= 0.6);
      report.add(prefixes[p] + t + "_vs_js", worst[p][1], "x", "plugin / JavaScript SDK, " + t + labels[p],
                 ">= 2", worst[p][1] >= 2);
    }
  }
  double worstOwnCore = kNaN;
  for (const auto& path : results)
    for (const auto& r : path) {
      const double got = ratio(r.pluginOwnCore, r.wrkOwnCore);
      if (std::isnan(worstOwnCore) || got < worstOwnCore) worstOwnCore = got;
    }
  report.add("poll_8t_vs_wrk_own_core", worstOwnCore, "x",
             "plugin / wrk, 8t, the emulator on a CPU of its own (both paths; informative)");
  measureEconomyAndRuns(o, sizes, library, report);
  measureFleet(o, sizes, library, report);
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
