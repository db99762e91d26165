// PipelineJobValidator: decides, as Azure ML does, whether a PUT body is a job the service would accept.
// Pure: text in, a normalised job or a JobRejection out. Rules and error codes are listed in README.md.
#pragma once

#include <Poco/JSON/Object.h>

#include <stdexcept>
#include <string>

namespace azureml_emulator {

// A refusal with the ARM error fields; `status` is the HTTP status to answer.
struct JobRejection : std::runtime_error {
  JobRejection(int status_, std::string code_, const std::string& message, std::string target_ = "")
      : std::runtime_error(message), status(status_), code(std::move(code_)), target(std::move(target_)) {}
  int status;
  std::string code;
  std::string target;
};

struct ValidatedJob {
  Poco::JSON::Object::Ptr properties;  // read-only fields removed, defaults applied
  bool needsUserToken = false;         // identity null or UserIdentity: x-azureml-token is required
};

class PipelineJobValidator {
 public:
  static bool isValidJobName(const std::string& name);
  static void checkJobName(const std::string& name);  // throws JobRejection (InvalidJobName)
  // Parses and validates a JobBaseResource body; throws JobRejection.
  static ValidatedJob validate(const std::string& body);
  // The same rules for an already parsed `properties` object (seeds use it).
  static ValidatedJob validateProperties(const Poco::JSON::Object::Ptr& properties);
};

}  // namespace azureml_emulator
