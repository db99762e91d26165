#include "EmulatorState.h"

#include <algorithm>

namespace azureml_emulator {

namespace {

std::shared_ptr<const WorkspaceContext> contextFrom(const EmulatorOptions& o) {
  auto context = std::make_shared<WorkspaceContext>();
  context->subscription = o.subscription;
  context->resourceGroup = o.resourceGroup;
  context->workspace = o.workspace;
  context->tenant = o.tenant;
  context->region = o.region;
  context->studioHost = o.studioHost;
  context->stepMillis = o.stepMillis;
  context->runningSteps = o.runningSteps;
  return context;
}

std::vector<std::string> normalised(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(TokenIssuer::normaliseAudience(v));
  return out;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), TokenIssuer::normaliseAudience(value)) != values.end();
}

}  // namespace

EmulatorState::EmulatorState(const EmulatorOptions& o)
    : options(o),
      context(contextFrom(o)),
      workspace(context),
      journal(o.journalCapacity),
      tokens(o.tenant, "azureml-emulator"),
      throttle(o.throttle, o.readBucket, o.readRefillPerSecond * o.timeScale, o.writeBucket,
               o.writeRefillPerSecond * o.timeScale),
      historyThrottle(o.throttle && o.historyBucket > 0, o.historyBucket,
                      o.historyRefillPerSecond * o.timeScale, o.historyBucket,
                      o.historyRefillPerSecond * o.timeScale) {
  mlAudiences = o.mlAudiences.empty() ? std::vector<std::string>{"https://ml.azure.com",
                                                                 "https://ml.azure.us", "https://ml.azure.cn"}
                                      : normalised(o.mlAudiences);
}

void EmulatorState::finishStart(const std::string& base) {
  baseUrl = base;
  armAudiences =
      options.armAudiences.empty()
          ? std::vector<std::string>{"https://management.azure.com", "https://management.core.windows.net",
                                     "https://management.usgovcloudapi.net",
                                     "https://management.chinacloudapi.cn", base}
          : normalised(options.armAudiences);
}

bool EmulatorState::isArmAudience(const std::string& audience) const {
  return contains(armAudiences, audience);
}
bool EmulatorState::isMlAudience(const std::string& audience) const {
  return contains(mlAudiences, audience);
}
bool EmulatorState::isHistoryAudience(const std::string& audience) const {
  return isArmAudience(audience) || isMlAudience(audience);
}
bool EmulatorState::isKnownResource(const std::string& audience) const {
  return isArmAudience(audience) || isMlAudience(audience) ||
         contains(normalised(options.extraResources), audience);
}

}  // namespace azureml_emulator
