// EmulatorOptions: everything an Emulator is configured with, fixed before start().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace azureml_emulator {

struct EmulatorOptions {
  bool https = true;  // plain HTTP when false
  std::string host = "127.0.0.1";
  uint16_t port = 0;       // 0 = pick a free port; read it back with Emulator::port()
  std::string caCertOut;   // where to write the CA certificate PEM (https); empty = a temp file
  std::string seedFile;    // JSON seed (templates, clients); empty = the embedded demo seed
  bool emptySeed = false;  // start with no templates and no clients at all (ignores seedFile)

  std::string subscription = "00000000-1111-2222-3333-444444444444";
  std::string resourceGroup = "test-rg";
  std::string workspace = "my-aml-workspace";
  std::string tenant = "11111111-2222-3333-4444-555555555555";
  std::string region = "eastus";

  int stepMillis = 50;  // run clock: time each run state lasts
  // Clock steps a run stays Running (its steps run one after another in that time) unless its tags set
  // emulator.runningSteps; the demo raises it so a pipeline's steps are seen advancing.
  int runningSteps = 1;
  int tokenLifetimeSeconds = 3600;   // lifetime of every token the emulator issues
  int listPageSize = 50;             // jobs per list page (the server picks it, as Azure does)
  int cancelRetryAfterSeconds = 10;  // unused: a cancel answers 200 as Azure does (kept for callers)

  // ARM's token buckets, per principal: reads 250 (refill 25/s), writes 200 (refill 10/s), Azure's documented
  // numbers. `throttle = false` switches off these and the data plane's.
  bool throttle = true;
  double readBucket = 250, readRefillPerSecond = 25;
  double writeBucket = 200, writeRefillPerSecond = 10;
  // The data plane's (Run History's) bucket per principal: Azure documents no number, so this one is ours
  // to set (a 429 `RequestThrottled` with Retry-After when empty). 0 = not metered.
  double historyBucket = 1000, historyRefillPerSecond = 100;
  // Simulated seconds per real second, for benchmarks that compress hours into minutes: every bucket refills
  // this many times faster. The run clock is scaled separately, by stepMillis. 1 = real time.
  double timeScale = 1;

  // Audiences a bearer token may carry, compared without a trailing slash.
  // Empty = the public and sovereign ARM endpoints plus this server's own base URL.
  std::vector<std::string> armAudiences;
  // Audiences accepted in x-azureml-token. Empty = https://ml.azure.com, https://ml.azure.us,
  // https://ml.azure.cn.
  std::vector<std::string> mlAudiences;
  // Any other resource the token endpoint should issue tokens for (it refuses unknown ones with
  // AADSTS500011).
  std::vector<std::string> extraResources;

  std::string managedIdentityClientId = "33333333-4444-5555-6666-777777777777";  // IMDS system identity
  std::string identityHeader = "emulator-identity-header";  // X-IDENTITY-HEADER for the App Service endpoint
  std::string studioHost = "ml.azure.com";

  bool journal = true;              // record requests (switch off for benchmarks)
  size_t journalCapacity = 100000;  // oldest entries are dropped beyond this
  int maxThreads = 128;             // one per keep-alive connection (Poco's model)
};

}  // namespace azureml_emulator
