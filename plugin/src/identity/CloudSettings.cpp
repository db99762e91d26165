#include "identity/CloudSettings.h"

#include "arm/http/HttpError.h"
#include "azureml/AzureMlError.h"
#include "azureml/CloudEndpoints.h"

namespace aifoundry::identity {

namespace {

// The cloud table and the override rules live once, in azureml::CloudEndpoints; this is only the view the
// sign-in and ARM layers take of it.
CloudSettings viewOf(const azureml::CloudEndpoints& endpoints) {
    std::string armAudience = endpoints.armScope;
    const std::string suffix = "/.default";
    if (armAudience.size() > suffix.size() && armAudience.compare(armAudience.size() - suffix.size(), suffix.size(), suffix) == 0)
        armAudience.resize(armAudience.size() - suffix.size());
    return {endpoints.cloudName, endpoints.authorityHost, endpoints.armEndpoint, endpoints.mlAudience, endpoints.studioHost,
            armAudience};
}

azureml::CloudEndpoints endpointsOf(const std::string& cloudName) {
    try {
        return azureml::CloudEndpoints::forCloud(cloudName);
    } catch (const azureml::AzureMlError& e) {
        arm::throwError(arm::ErrorReason::InvalidSettings, e.what());
    }
}

}  // namespace

CloudSettings CloudSettings::named(const std::string& cloudName) { return viewOf(endpointsOf(cloudName)); }

CloudSettings CloudSettings::fromAttributes(const arm::Attributes& attributes) {
    arm::AttributeReader reader(attributes);
    azureml::CloudEndpoints::Overrides overrides;
    overrides.authorityHost = reader.find(settings::kAuthorityHost);
    overrides.armEndpoint = reader.find(settings::kResourceManagerEndpoint);
    overrides.mlAudience = reader.find(settings::kAzureMlAudience);
    overrides.studioHost = reader.find(settings::kStudioHost);
    return viewOf(endpointsOf(reader.textOr(settings::kAzureCloud, "")).withOverrides(overrides));
}

}  // namespace aifoundry::identity
