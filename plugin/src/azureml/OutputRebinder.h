// OutputRebinder: the template's `outputs` -> the outputs of a new run, so that the run writes to its own
// folder and never over the template's results.
//
// Why: when a job is submitted, Azure ML resolves `${{name}}` in each output path to that job's name and
// fills an output left without a path with the workspace default
// `azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}/`. A GET of the template
// therefore returns paths that contain the template's own name; copied verbatim, every run would write
// into the template's folder and each run would overwrite the last one's results. Every path segment that
// equals the template's job name is put back as `${{name}}`, which the service resolves to the new run's
// name. Anything else in the outputs (other members, other paths, key order, escapes) is copied as is.
#pragma once

#include <string>
#include <string_view>

#include "common/JsonView.h"

namespace aifoundry::azureml {

class OutputRebinder {
 public:
  // `outputs` is the template's outputs object (any other JSON is returned verbatim); `templateName` is
  // the template's job name. Returns the outputs as JSON text: the template's exact text when no path
  // changes. Never throws on odd shapes: what it does not understand it copies.
  static std::string rebind(common::JsonView outputs, std::string_view templateName);

  // One path: every `/`-separated segment equal to templateName becomes `${{name}}` (a path without any
  // `/` is left alone).
  static std::string rebindPath(std::string_view path, std::string_view templateName);
};

}  // namespace aifoundry::azureml
