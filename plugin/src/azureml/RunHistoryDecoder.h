// RunHistoryDecoder: the Run History (data plane) replies the job type reads when the job resource lacks
// times or an error: a run ({status, startTimeUtc, endTimeUtc, error:{error:{code,message}}, properties}) and
// a page of a pipeline's child (step) runs ({value:[run...], continuationToken | nextLink}). Lenient on
// shape, strict on syntax (AzureMlError(InvalidJson)). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/JsonView.h"

namespace aifoundry::azureml {

struct RunHistoryRun {
  std::string runId;
  std::string name;    // the step's display name when the service gave one, else name, else runId
  std::string status;  // raw
  std::optional<std::string> startTimeUtc, endTimeUtc;
  std::optional<std::string> createdUtc;  // `createdUtc` (a Run) or `createdTimeUtc` (RunDetails)
  std::string errorCode;                  // error.error.code (or error.code)
  std::string errorMessage;               // error.error.message (or error.message); "" when none
  bool reused = false;  // properties["azureml.isreused"] == "true": a step Azure took from an earlier run
};

struct RunChildrenPage {
  std::vector<RunHistoryRun> children;
  // Where the next page is: a $continuationtoken value, or a full link. Both nullopt at the end.
  std::optional<std::string> continuationToken;
  std::optional<std::string> nextLink;
};

struct StepFailure {
  std::string stepName;
  std::string code;
  std::string message;  // may be empty when the step failed without one
};

class RunHistoryDecoder {
 public:
  static RunHistoryRun decodeRun(std::string_view json);
  static RunHistoryRun decodeRun(common::JsonView run);
  static RunChildrenPage decodeChildren(std::string_view json);

  // The step that failed first: among children whose status is Failed (case-insensitive), the one with the
  // earliest endTimeUtc (children without an end time come last; ties keep list order), preferring one that
  // has an error message. nullopt when no child failed.
  static std::optional<StepFailure> firstFailedStep(const std::vector<RunHistoryRun>& children);
};

}  // namespace aifoundry::azureml
