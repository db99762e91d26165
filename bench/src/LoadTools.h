// LoadTools: the two reference clients the plugin is compared with, run as child processes against the
// same emulator, job URL, bearer token and concurrency: `wrk` (the limit of this machine) and Azure's
// JavaScript SDK (bench/js/poll-load.mjs). Each returns requests per second, or a negative value with
// `error` set when the tool is missing or failed.
#pragma once

#include <string>
#include <vector>

namespace bench {

struct LoadResult {
  double rate = -1;  // requests/s
  long requests = 0;
  double cpuSeconds = 0;  // user + system CPU of the tool (the child processes), when it has exited
  std::string error;
};

// wrk -t{1 for one connection, else 2} -c{connections} -d{seconds}s -H "Authorization: Bearer ..." url: one
// request, prepared once.
LoadResult runWrk(const std::string& wrk, const std::string& url, const std::string& token, int connections,
                  double seconds);
// The same with the requests of `urls` (of one server) in turn on every connection: a Lua script (written in
// `scratchDir`, removed after) whose `request` function wrk calls for every request. Each request's bytes
// are those plain wrk sends for its URL.
LoadResult runWrkScripted(const std::string& wrk, const std::vector<std::string>& urls,
                          const std::string& token, int connections, double seconds,
                          const std::string& scratchDir);

struct JsLoad {
  std::string node = "node";
  std::string script;      // bench/js/poll-load.mjs
  std::string modulesDir;  // tests/js
};
LoadResult runJsSdk(const JsLoad& js, const std::string& baseUrl, const std::string& caPath,
                    const std::string& token, const std::string& job, int concurrency, double seconds);

// Runs `command` with /bin/sh, returns its stdout (stderr discarded unless `keepStderr`); exit code in
// `status`.
std::string runCommand(const std::string& command, int& status);

}  // namespace bench
