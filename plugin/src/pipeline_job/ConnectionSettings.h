// ConnectionSettings: the platform attributes of one "AI Foundry Pipeline Job" connection, validated without
// network access (docs/azure-contract.md, "The platform connection"). Workspace, cloud endpoints, API version
// and Discovery Tag are read here; sign-in and transport settings are passed on, as `attributes`, to arm/ and
// identity/, which validate them when the ArmClient is built.
//
// Ownership: move-only, because `attributes` holds secrets (Client Secret, Certificate Password); their
// SecretStrings wipe them when the object is destroyed. Immutable after parse(); safe to read from many
// threads.
#pragma once

#include <string>
#include <vector>

#include "azureml/WorkspaceRef.h"
#include "core/Setting.h"
#include "http/AttributeReader.h"
#include "identity/CloudEndpoints.h"

namespace aifoundry::pipeline_job {

class ConnectionSettings {
 public:
  // Throws core::JobTypeError(InvalidSettings) naming the setting (never its value).
  static ConnectionSettings parse(const std::vector<core::Setting>& settings);

  ConnectionSettings(ConnectionSettings&&) noexcept = default;
  ConnectionSettings& operator=(ConnectionSettings&&) noexcept = default;
  ConnectionSettings(const ConnectionSettings&) = delete;
  ConnectionSettings& operator=(const ConnectionSettings&) = delete;
  ~ConnectionSettings() = default;

  azureml::WorkspaceRef workspace;
  identity::CloudEndpoints cloud;  // studio host and ML audience (Monitor URL); arm/ reads its own copy
  std::string apiVersion;          // "2024-10-01" unless `API Version` says otherwise
  std::string discoveryTag;        // "" = import every pipeline template
  std::string tenantId;            // `Tenant Id` when set (appended to Monitor URLs as &tid=)
  bool statusFromArmOnly = false;  // `Status Source` is `Resource Manager`: every poll reads ARM's job
  http::Attributes attributes;     // every setting by name, for arm/ and identity/ (secret values inside)

 private:
  ConnectionSettings() = default;
};

}  // namespace aifoundry::pipeline_job
