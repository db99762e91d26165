#include "CommandLine.h"

#include <Poco/NumberParser.h>

#include <algorithm>
#include <stdexcept>

namespace azureml_emulator {

namespace {

int toInt(const std::string& flag, const std::string& text) {
  int value = 0;
  if (!Poco::NumberParser::tryParse(text, value) || value < 0)
    throw std::invalid_argument(flag + " needs a non-negative whole number, got '" + text + "'");
  return value;
}

}  // namespace

const char* CommandLine::usage() {
  return "usage: azureml-emulator [options]\n"
         "  --http                 serve plain HTTP (default: HTTPS with a generated certificate)\n"
         "  --host ADDR            listen address (default 127.0.0.1)\n"
         "  --port N               port (default 0: pick a free one)\n"
         "  --port-file FILE       write the port to FILE once listening\n"
         "  --ready-file FILE      write the base URL to FILE once listening\n"
         "  --ca-cert-out FILE     write the CA certificate (PEM) to FILE (https)\n"
         "  --seed FILE            seed JSON (default: the built-in demo seed)\n"
         "  --empty                start with no templates and no clients\n"
         "  --subscription ID --resource-group NAME --workspace NAME --tenant ID   the emulated scope\n"
         "  --step-ms N            run clock: milliseconds per run state (default 50)\n"
         "  --running-steps N      run clock: steps a run stays Running unless its tags say (default 1)\n"
         "  --token-lifetime S     lifetime of issued tokens in seconds (default 3600)\n"
         "  --page-size N          jobs per list page (default 50)\n"
         "  --cancel-retry-after S Retry-After of a 202 cancel (default 10)\n"
         "  --fault ROUTE:SPEC     script a fault, e.g. jobs.get:503,count=2 (repeatable)\n"
         "  --client TENANT:ID:SECRET  register a client secret (repeatable)\n"
         "  --generate-jobs N      add N finished jobs (compact) copied from --generate-from\n"
         "  --generate-from NAME   template the generated jobs copy (default train-pipeline-template)\n"
         "  --generate-steps N     add 'large-pipeline-template' with N steps\n"
         "  --no-throttle          disable the token buckets (ARM's and Run History's)\n"
         "  --history-bucket N     Run History's bucket per principal (default 1000; 0 = not metered)\n"
         "  --history-refill N     its refill per second (default 100)\n"
         "  --time-scale K         simulated seconds per real second: buckets refill K times faster (default "
         "1)\n"
         "  --no-journal           do not record requests (benchmarks)\n"
         "  --help\n";
}

CommandLine CommandLine::parse(int argc, char** argv) {
  CommandLine cl;
  auto& o = cl.options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value; see --help");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h")
      cl.help = true;
    else if (flag == "--http")
      o.https = false;
    else if (flag == "--host")
      o.host = value();
    else if (flag == "--port")
      o.port = static_cast<uint16_t>(toInt(flag, value()));
    else if (flag == "--port-file")
      cl.portFile = value();
    else if (flag == "--ready-file")
      cl.readyFile = value();
    else if (flag == "--ca-cert-out")
      o.caCertOut = value();
    else if (flag == "--seed")
      o.seedFile = value();
    else if (flag == "--empty")
      o.emptySeed = true;
    else if (flag == "--subscription")
      o.subscription = value();
    else if (flag == "--resource-group")
      o.resourceGroup = value();
    else if (flag == "--workspace")
      o.workspace = value();
    else if (flag == "--tenant")
      o.tenant = value();
    else if (flag == "--step-ms")
      o.stepMillis = toInt(flag, value());
    else if (flag == "--running-steps")
      o.runningSteps = std::max(1, toInt(flag, value()));
    else if (flag == "--token-lifetime")
      o.tokenLifetimeSeconds = toInt(flag, value());
    else if (flag == "--page-size")
      o.listPageSize = toInt(flag, value());
    else if (flag == "--cancel-retry-after")
      o.cancelRetryAfterSeconds = toInt(flag, value());
    else if (flag == "--fault")
      cl.faults.push_back(value());
    else if (flag == "--client")
      cl.clients.push_back(value());
    else if (flag == "--generate-jobs")
      cl.generateJobs = static_cast<size_t>(toInt(flag, value()));
    else if (flag == "--generate-from")
      cl.generateFrom = value();
    else if (flag == "--generate-steps")
      cl.generateSteps = static_cast<size_t>(toInt(flag, value()));
    else if (flag == "--no-throttle")
      o.throttle = false;
    else if (flag == "--history-bucket")
      o.historyBucket = toInt(flag, value());
    else if (flag == "--history-refill")
      o.historyRefillPerSecond = toInt(flag, value());
    else if (flag == "--time-scale")
      o.timeScale = toInt(flag, value());
    else if (flag == "--no-journal")
      o.journal = false;
    else
      throw std::invalid_argument("unknown option '" + flag + "'; see --help");
  }
  if (o.listPageSize < 1) throw std::invalid_argument("--page-size must be at least 1");
  if (o.timeScale < 1) throw std::invalid_argument("--time-scale must be at least 1");
  if (o.historyBucket < 0 || o.historyRefillPerSecond < 0)
    throw std::invalid_argument("--history-bucket and --history-refill must not be negative");
  return cl;
}

}  // namespace azureml_emulator
