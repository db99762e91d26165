#include "identity/EntraTokenClient.h"

#include <Poco/URI.h>

#include "common/SecretString.h"
#include "http/HttpError.h"
#include "http/ResponseErrorBuilder.h"
#include "identity/TokenResponseParser.h"

namespace aifoundry::identity {

std::string formEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& field : fields) {
    if (!body.empty()) body += '&';
    std::string name, value;
    Poco::URI::encode(field.first, "!#$&'()*+,/:;=?@[]%", name);
    Poco::URI::encode(field.second, "!#$&'()*+,/:;=?@[]%", value);
    body += name + "=" + value;
  }
  return body;
}

EntraTokenClient::EntraTokenClient(std::shared_ptr<http::HttpPipeline> pipeline, std::string authorityHost,
                                   std::string tenantId, std::string clientId, std::string authoritySource)
    : pipeline_(std::move(pipeline)),
      authorityHost_(std::move(authorityHost)),
      tenantId_(std::move(tenantId)),
      clientId_(std::move(clientId)),
      authoritySource_(std::move(authoritySource)) {}

std::string EntraTokenClient::tokenUrl(const std::string& tenant) const {
  return authorityHost_ + "/" + (tenant.empty() ? tenantId_ : tenant) + "/oauth2/v2.0/token";
}

http::AccessToken EntraTokenClient::requestToken(
    const http::TokenRequestContext& context, const std::vector<std::pair<std::string, std::string>>& proof,
    const http::CallControl& control) const {
  const std::string tenant = context.tenant.empty() ? tenantId_ : context.tenant;
  std::vector<std::pair<std::string, std::string>> fields{
      {"grant_type", "client_credentials"}, {"client_id", clientId_}, {"scope", context.scope}};
  fields.insert(fields.end(), proof.begin(), proof.end());

  http::HttpRequest request;
  request.method = "POST";
  request.url = tokenUrl(tenant);
  request.headers.set("Content-Type", "application/x-www-form-urlencoded");
  request.body = common::SecretString::adopt(formEncode(fields));
  request.idempotent = true;  // asking for a token twice is harmless
  request.operation = "sign in to tenant '" + tenant + "' as application '" + clientId_ + "'";

  http::HttpResponse response;
  try {
    response = pipeline_->send(request, control);
  } catch (const http::HttpError& error) {
    if (!error.unresolvedHost()) throw;
    // The transport's line names the URL; the operator needs the setting that put this host there.
    throw http::HttpError(request.operation + ": sign-in host '" + Poco::URI(request.url).getHost() +
                              "' (from " + authoritySource_ +
                              ") does not resolve (no such name); check the name and this machine's DNS",
                          error.details());
  }
  if (!response.ok()) throw http::errorFromResponse(request, response);
  return parseTokenResponse(response.body, http::systemUnixNow(), request.operation);
}

}  // namespace aifoundry::identity
