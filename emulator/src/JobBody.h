// JobBody: the immutable, pre-serialised part of a job, shared by every job created from the same body
// (100,000 generated jobs hold one). Rendering a job is then a few string joins: no JSON work per GET.
#pragma once

#include <Poco/JSON/Object.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "WorkspaceContext.h"

namespace azureml_emulator {

struct JobBody {
  std::string jobType;
  std::string experimentName;
  std::string displayName;
  std::string description;
  std::string computeId;
  // Everything in "properties" after "status", as `,"key":value` text, cut where the job's name goes
  // (output URIs and service endpoints carry it): render = tail[0] + name + tail[1] + name + ...
  std::vector<std::string> tail;
  // properties.properties as Azure answers it: the service's own keys (azureml.runsource, azureml.parameters,
  // ...) then the client's, as `"k":"v",...` text without braces; azureml.pipelines.stages is added per job
  // once the run has finished (it carries the run's times).
  std::string serverProperties;
  bool isPipeline = false;
  std::string canonical;  // sorted JSON of the immutable fields: an identical re-PUT compares equal
  std::map<std::string, std::string> canonicalFields;  // per top-level field, to name the one that changed
  std::map<std::string, std::string> userProperties;   // properties.properties, for the list filter
  std::vector<std::string> stepNames;                  // keys of properties.jobs, in order
  std::vector<std::string> stepComponents;             // each step's component name (from its componentId)
  // The components ("name/version" -> the inputs and outputs its steps bind) and computes (names) the job
  // uses, so the workspace can answer GET components/... and computes/... for them.
  struct ComponentUse {
    std::string type = "command";
    std::vector<std::string> inputs, outputs;
  };
  std::map<std::string, ComponentUse> components;
  std::vector<std::string> computes;
  std::vector<std::string> outputNames;
  bool needsUserToken = false;
  size_t bytes = 0;

  static std::shared_ptr<const JobBody> build(const Poco::JSON::Object::Ptr& properties, bool needsUserToken,
                                              const WorkspaceContext& context);
};

// Tags are shared the same way; their JSON is kept ready to paste.
struct TagSet {
  std::shared_ptr<const std::map<std::string, std::string>> values;
  std::shared_ptr<const std::string> json;
  static TagSet from(const Poco::JSON::Object::Ptr& properties);
  static TagSet empty();
};

}  // namespace azureml_emulator
