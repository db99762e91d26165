#include "pipeline_job/ConnectionSettings.h"

#include <string_view>

#include "azureml/AzureMlError.h"
#include "azureml/WorkspaceUrls.h"
#include "common/AsciiText.h"
#include "common/SettingNames.h"
#include "core/JobTypeError.h"
#include "http/HttpError.h"
#include "pipeline_job/ErrorTranslation.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job {
namespace {

namespace names = pipeline_job::names;

[[noreturn]] void invalid(std::string_view setting, const std::string& what) {
  throw core::JobTypeError(core::ErrorCode::InvalidSettings,
                           "setting '" + std::string(setting) + "' " + what);
}

// The trimmed value of a setting, or "" when absent or blank.
std::string valueOf(const std::vector<core::Setting>& settings, std::string_view name) {
  const core::Setting* setting = core::findSetting(settings, name);
  if (setting == nullptr) return {};
  return std::string(common::ascii::trim(setting->value.view()));
}

std::string required(const std::vector<core::Setting>& settings, std::string_view name) {
  std::string value = valueOf(settings, name);
  if (value.empty()) invalid(name, "is required; set it to the workspace's value from the Azure portal");
  return value;
}

void checkBoolean(const std::vector<core::Setting>& settings, std::string_view name) {
  const std::string value = valueOf(settings, name);
  if (value.empty() || common::ascii::iequals(value, "true") || common::ascii::iequals(value, "false"))
    return;
  invalid(name, "must be 'true' or 'false'");
}

bool armOnlyStatus(const std::vector<core::Setting>& settings) {
  const std::string value = valueOf(settings, common::settings::kStatusSource);
  if (value.empty() || common::ascii::iequals(value, common::settings::kStatusAutomatic)) return false;
  if (common::ascii::iequals(value, common::settings::kStatusResourceManager)) return true;
  invalid(common::settings::kStatusSource, "must be 'Automatic' or 'Resource Manager'");
}

}  // namespace

ConnectionSettings ConnectionSettings::parse(const std::vector<core::Setting>& settings) {
  ConnectionSettings result;
  for (const core::Setting& setting : settings) {
    // The first value of a name wins, as core::findSetting reads it.
    result.attributes.insert(setting.key, setting.value);
  }
  try {
    result.workspace =
        azureml::WorkspaceRef::validated(required(settings, common::settings::kSubscriptionId),
                                         required(settings, common::settings::kResourceGroupName),
                                         required(settings, common::settings::kWorkspaceName));
    result.cloud = identity::CloudEndpoints::fromAttributes(result.attributes);
    result.apiVersion = valueOf(settings, common::settings::kApiVersion);
    if (result.apiVersion.empty()) result.apiVersion = std::string(names::kDefaultApiVersion);
    // WorkspaceUrls checks the endpoint's shape and the api-version's; build one now so a typo fails here.
    azureml::WorkspaceUrls probe(result.cloud.armEndpoint, result.workspace, result.apiVersion);
    (void)probe;
  } catch (const azureml::AzureMlError& e) {
    throw translate(e, core::ErrorCode::InvalidSettings);
  } catch (const http::HttpError& e) {
    throw core::JobTypeError(core::ErrorCode::InvalidSettings, e.what());
  }
  checkBoolean(settings, common::settings::kAllowPlainHttpToLoopback);
  result.discoveryTag = valueOf(settings, common::settings::kDiscoveryTag);
  result.tenantId = valueOf(settings, common::settings::kTenantId);
  result.statusFromArmOnly = armOnlyStatus(settings);
  return result;
}

}  // namespace aifoundry::pipeline_job
