#include "abi/placeholder/PipelineSettingsCheck.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/JobTypeError.h"
#include "core/PipelineSettingNames.h"

namespace aifoundry::abi {
namespace {

namespace names = core::pipeline;

[[noreturn]] void invalid(const std::string& message) {
  throw core::JobTypeError(core::ErrorCode::InvalidSettings, message);
}

std::string_view valueOf(const std::vector<core::Setting>& settings, std::string_view key) {
  const core::Setting* setting = core::findSetting(settings, key);
  return setting == nullptr ? std::string_view{} : setting->value.view();
}

void requireValue(const std::vector<core::Setting>& settings, std::string_view key, std::string_view because) {
  if (valueOf(settings, key).empty()) {
    invalid("the connection setting '" + std::string(key) + "' is required" + std::string(because) +
            "; set it on the platform");
  }
}

void requireOneOf(const std::vector<core::Setting>& settings, std::string_view key,
                  std::initializer_list<std::string_view> allowed) {
  const std::string_view value = valueOf(settings, key);
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (std::string_view option : allowed) list += (list.empty() ? "'" : ", '") + std::string(option) + "'";
  // Not a secret: enum settings are never flagged secret, but say only what is allowed anyway.
  invalid("the connection setting '" + std::string(key) + "' has a value that is not one of " + list);
}

void requireDigits(const std::vector<core::Setting>& settings, std::string_view key) {
  const std::string_view value = valueOf(settings, key);
  if (!value.empty() && !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    invalid("the connection setting '" + std::string(key) + "' must be a whole number of seconds");
  }
}

}  // namespace

void checkPipelineSettings(const std::vector<core::Setting>& settings) {
  requireValue(settings, names::kSubscriptionId, "");
  requireValue(settings, names::kResourceGroupName, "");
  requireValue(settings, names::kWorkspaceName, "");
  requireOneOf(settings, names::kAuthenticationMethod,
               {names::kAuthPolysyncServicePrincipal, names::kAuthServicePrincipal, names::kAuthCertificate,
                names::kAuthManagedIdentity, names::kAuthWorkloadIdentity, names::kAuthEnvironment});
  requireOneOf(settings, names::kAzureCloud, {names::kCloudPublic, names::kCloudUsGovernment, names::kCloudChina});
  requireOneOf(settings, names::kAllowPlainHttpToLoopback, {"true", "false"});
  requireDigits(settings, names::kRequestTimeoutSeconds);

  const std::string_view method = valueOf(settings, names::kAuthenticationMethod);
  if (method == names::kAuthServicePrincipal || method == names::kAuthCertificate) {
    const std::string because = " for Authentication Method '" + std::string(method) + "'";
    requireValue(settings, names::kTenantId, because);
    requireValue(settings, names::kClientId, because);
    requireValue(settings, method == names::kAuthServicePrincipal ? names::kClientSecret : names::kCertificate,
                 because);
  }
}

}  // namespace aifoundry::abi
