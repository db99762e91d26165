#include "identity/CloudSettings.h"

#include <Poco/String.h>

#include "arm/http/HttpError.h"

namespace aifoundry::identity {

namespace {
std::string withoutTrailingSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}
}  // namespace

CloudSettings CloudSettings::named(const std::string& cloudName) {
    const std::string n = Poco::toLower(cloudName);
    if (n.empty() || n == "azurepubliccloud" || n == "public" || n == "azurecloud")
        return {"AzurePublicCloud", "https://login.microsoftonline.com", "https://management.azure.com", "https://ml.azure.com",
                "ml.azure.com", "https://management.azure.com"};
    if (n == "azureusgovernment" || n == "usgovernment")
        return {"AzureUSGovernment", "https://login.microsoftonline.us", "https://management.usgovcloudapi.net",
                "https://ml.azure.us", "ml.azure.us", "https://management.usgovcloudapi.net"};
    if (n == "azurechinacloud" || n == "china")
        return {"AzureChinaCloud", "https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn", "https://ml.azure.cn",
                "studio.ml.azure.cn", "https://management.chinacloudapi.cn"};
    arm::throwError(arm::ErrorReason::InvalidSettings, "setting '" + std::string(settings::kAzureCloud) +
                                                           "' must be AzurePublicCloud, AzureUSGovernment or AzureChinaCloud");
}

CloudSettings CloudSettings::fromAttributes(const arm::Attributes& attributes) {
    arm::AttributeReader reader(attributes);
    CloudSettings cloud = named(reader.textOr(settings::kAzureCloud, ""));
    cloud.authorityHost = withoutTrailingSlash(reader.textOr(settings::kAuthorityHost, cloud.authorityHost));
    cloud.resourceManager = withoutTrailingSlash(reader.textOr(settings::kResourceManagerEndpoint, cloud.resourceManager));
    cloud.mlAudience = withoutTrailingSlash(reader.textOr(settings::kAzureMlAudience, cloud.mlAudience));
    cloud.studioHost = reader.textOr(settings::kStudioHost, cloud.studioHost);
    return cloud;
}

}  // namespace aifoundry::identity
