// Job: what the job type needs to know about one Azure ML job resource (a template or a run), decoded by
// JobDecoder. Plain value type: copyable, no references into the source text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aifoundry::azureml {

struct JobInput {
  std::string name;
  std::string jobInputType;  // "literal", "uri_folder", ... (as Azure wrote it)
  bool literal = false;      // jobInputType == literal (case-insensitive)
  std::string value;         // literal: its value (text)
  std::string uri;           // asset: its uri
  std::string mode;          // asset: its mode
  std::string description;
};

struct JobOutput {
  std::string name;
  std::string jobOutputType;  // "uri_folder", ...
  std::string uri;
  std::optional<std::string> value;  // not in the schema; read when a service fills it
  std::string mode;
  std::string description;
};

// properties.identity: null means the submitter's identity (AML token), like UserIdentity.
enum class IdentityType { None, UserIdentity, Managed, AMLToken, Other };

struct Job {
  std::string name;  // the resource name (the job name; RunId for our runs)
  std::string id;    // the ARM id
  std::string displayName;
  std::string description;
  std::string jobType;  // "Pipeline", ...
  std::string status;   // raw Azure status, "" when absent
  std::string experimentName;
  std::string computeId;
  std::vector<std::pair<std::string, std::string>> tags;  // document order
  std::vector<JobInput> inputs;                           // document order
  std::vector<JobOutput> outputs;                         // document order
  IdentityType identity = IdentityType::None;
  std::string identityTypeText;  // as Azure wrote it ("" for null)
  std::string studioEndpoint;    // properties.services.Studio.endpoint, "" when not filled
  // Not in the 2024-10-01 schema; read when present (else use Run History).
  std::optional<std::string> startTime, endTime, errorMessage, errorCode;
  std::optional<std::string> createdAt;  // systemData.createdAt (read in the same pass as the rest)
  // How many steps a pipeline declares (members of properties.jobs). decodeForPoll counts them only while
  // the run is live (step progress needs them then, and a finished run's poll skips the walk).
  std::optional<std::size_t> declaredSteps;

  bool isPipeline() const;  // jobType == Pipeline, case-insensitive
  const std::string* tag(
      std::string_view key) const;  // exact key first, else case-insensitive; nullptr if absent
  // The PUT needs an x-azureml-token header when the job runs as the submitter (identity null /
  // UserIdentity).
  bool needsAmlToken() const {
    return identity == IdentityType::None || identity == IdentityType::UserIdentity;
  }
  const JobOutput* output(std::string_view outputName) const;  // exact name first, else case-insensitive
  const JobInput* input(
      std::string_view inputName) const;  // exact name only (Azure names are case-sensitive)
};

}  // namespace aifoundry::azureml
