#include "RunBench.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "HeapCounter.h"
#include "ProcessStats.h"
#include "arm/ArmClient.h"
#include "azureml/TemplateCloner.h"
#include "common/JsonView.h"
#include "common/SecretString.h"
#include "pipeline_job/ArmClientWiring.h"

namespace bench {
using namespace aifoundry;
namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

http::Attributes settingsOf(const EmulatorProcess& emulator) {
  http::Attributes out;
  for (const auto& [key, value] : emulator.pluginSettings()) out.set(key, value);
  return out;
}

azureml::CloneRequest cloneRequest(const std::string& templateName) {
  azureml::CloneRequest request;
  request.templateName = templateName;
  request.displayName = "bench run";
  request.idempotencyKey = "bench-key";
  core::Parameter shards;
  shards.name = "shard_count";
  shards.value = common::SecretString("7");
  request.parameters.push_back(shards);
  return request;
}

common::SecretString clone(const std::string& body, const azureml::CloneRequest& request) {
  const auto root = common::JsonView::parse(body, "the template");
  const azureml::TemplateCloner cloner(azureml::WorkspaceRef{
      EmulatorProcess::kSubscription, EmulatorProcess::kResourceGroup, EmulatorProcess::kWorkspace});
  return cloner.buildRequestBody(root, request);
}

}  // namespace

RunSplit measureRun(const EmulatorProcess& emulator, const Instance& instance, int steps, int repeats,
                    bool cloneOnly) {
  RunSplit split;
  split.steps = steps;
  split.templateName = "bench-template-" + std::to_string(steps);
  emulator.admin("POST", "jobs/large-template",
                 "{\"steps\":" + std::to_string(steps) + ",\"name\":\"" + split.templateName + "\"}");

  const auto client = pipeline_job::makeArmClient(settingsOf(emulator));
  const http::CallControl control;
  client->get(emulator.jobUrl("train-pipeline-template"), control);  // sign in and open the connection

  std::vector<double> fetch, cloneTimes, submit, abiRun;
  std::string body;
  for (int i = 0; i < repeats; ++i) {
    const Stopwatch watch;
    body = client->get(emulator.jobUrl(split.templateName), control).body;
    fetch.push_back(watch.millis());
  }
  split.templateBytes = body.size();
  const auto request = cloneRequest(split.templateName);
  std::optional<common::SecretString> put;  // reset() frees the body
  for (int i = 0; i < repeats; ++i) {
    put.reset();
    const Stopwatch watch;
    put = clone(body, request);
    cloneTimes.push_back(watch.millis());
  }
  {
    put.reset();
    HeapScope heap;
    put = clone(body, request);
    split.clonePeakBytes = heap.peakBytes();
  }
  split.fetchMs = median(fetch);
  split.cloneMs = median(cloneTimes);
  if (cloneOnly) return split;
  body.clear();
  body.shrink_to_fit();

  for (int i = 0; i < repeats; ++i) {
    const std::string name = split.templateName + "-split-" + std::to_string(i);
    const Stopwatch watch;
    try {
      arm::ArmRequestOptions options;
      options.idempotent = true;
      options.attachAzureMlToken = true;  // the template runs as the user (no identity)
      client->put(emulator.jobUrl(name), *put, control, options);
      split.submitStatus = 201;
    } catch (const http::HttpError& e) {
      split.submitStatus = e.httpStatus() ? e.httpStatus() : -1;
      split.submitError = e.what();
    }
    submit.push_back(watch.millis());
  }
  put.reset();
  for (int i = 0; i <= repeats; ++i) {
    const std::string key = "bench-abi-" + std::to_string(steps) + "-" + std::to_string(i);
    const Stopwatch watch;
    std::optional<HeapScope> heap;
    if (i == repeats) heap.emplace();  // the last run only: the heap counter costs a little time
    try {
      instance.run(split.templateName, {{"shard_count", "7"}}, key);
    } catch (const PluginError&) {
      if (split.submitError.empty()) throw;  // refused only when the PUT above was refused too
    }
    if (heap) {
      split.runPeakBytes = heap->peakBytes();
    } else {
      abiRun.push_back(watch.millis());
    }
  }
  split.submitMs = median(submit);
  split.abiRunMs = median(abiRun);
  return split;
}

RunRequests countRunRequests(const EmulatorProcess& emulator, const Instance& instance) {
  RunRequests counts;
  auto before = emulator.stats();
  instance.run("train-pipeline-template", {}, "bench-count-keyed");
  auto after = emulator.stats();
  counts.getsKeyed = after.jobsGet - before.jobsGet;
  counts.putsKeyed = after.jobsPut - before.jobsPut;
  before = after;
  instance.run("train-pipeline-template", {}, "");
  after = emulator.stats();
  counts.getsUnkeyed = after.jobsGet - before.jobsGet;
  counts.putsUnkeyed = after.jobsPut - before.jobsPut;
  return counts;
}

}  // namespace bench
