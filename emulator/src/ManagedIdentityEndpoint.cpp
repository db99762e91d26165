#include <Poco/String.h>

#include "ArmError.h"
#include "IdentityEndpoints.h"
#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

Reply invalidRequest(int status, const std::string& description) {
  return Reply::json(
      status, "{\"error\":\"invalid_request\",\"error_description\":" + json::quote(description) + "}");
}

struct Identity {
  std::string clientId;
  std::string role;
};

// The system-assigned identity unless the request selects a registered user-assigned one.
std::optional<Identity> selectIdentity(const EmulatorState& state, const std::string& requestedClientId) {
  if (requestedClientId.empty() ||
      Poco::icompare(requestedClientId, state.options.managedIdentityClientId) == 0)
    return Identity{
        state.options.managedIdentityClientId,
        state.clients.managedIdentityRole(state.options.managedIdentityClientId).value_or("Contributor")};
  auto role = state.clients.managedIdentityRole(requestedClientId);
  if (!role) return std::nullopt;
  return Identity{requestedClientId, *role};
}

}  // namespace

Reply handleImdsRequest(EmulatorState& state, const Request& request) {
  if (request.header("Metadata") != "true")
    return invalidRequest(400, "Required metadata header not specified");
  if (!request.hasParam("api-version"))
    return invalidRequest(400, "Required query variable 'api-version' is missing");
  const std::string resource = request.param("resource");
  if (resource.empty()) return invalidRequest(400, "Required query variable 'resource' is missing");
  auto identity = selectIdentity(state, request.param("client_id"));
  if (!identity) return invalidRequest(400, "Identity not found");
  const std::string audience = TokenIssuer::normaliseAudience(resource);
  if (!state.isKnownResource(audience))
    return Reply::json(400,
                       "{\"error\":\"invalid_resource\",\"error_description\":" +
                           json::quote("AADSTS500011: The resource principal named " + resource +
                                       " was not found in the tenant named " + state.options.tenant + ".") +
                           "}");
  const int lifetime = state.options.tokenLifetimeSeconds;
  auto issued = state.tokens.issue(resource, identity->clientId, identity->role, lifetime);
  const int64_t now = timetext::nowMillis();
  // IMDS sends every number as a string.
  Reply reply = Reply::json(
      200, "{\"access_token\":" + json::quote(issued.token) +
               ",\"client_id\":" + json::quote(identity->clientId) + ",\"expires_in\":\"" +
               std::to_string(lifetime) + "\",\"expires_on\":\"" + std::to_string(issued.expiresAtMs / 1000) +
               "\",\"ext_expires_in\":\"" + std::to_string(lifetime) + "\",\"not_before\":\"" +
               std::to_string(now / 1000 - 300) + "\",\"resource\":" + json::quote(resource) +
               ",\"token_type\":\"Bearer\"}");
  reply.principal = identity->clientId;
  return reply;
}

Reply handleAppServiceRequest(EmulatorState& state, const Request& request) {
  if (request.header("X-IDENTITY-HEADER") != state.options.identityHeader)
    return invalidRequest(401, "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
  if (!request.hasParam("api-version"))
    return invalidRequest(400, "Required query variable 'api-version' is missing");
  const std::string resource = request.param("resource");
  if (resource.empty()) return invalidRequest(400, "Required query variable 'resource' is missing");
  auto identity = selectIdentity(state, request.param("client_id"));
  if (!identity) return invalidRequest(400, "Identity not found");
  if (!state.isKnownResource(TokenIssuer::normaliseAudience(resource)))
    return invalidRequest(400, "AADSTS500011: The resource principal named " + resource + " was not found.");
  auto issued =
      state.tokens.issue(resource, identity->clientId, identity->role, state.options.tokenLifetimeSeconds);
  Reply reply = Reply::json(
      200, "{\"access_token\":" + json::quote(issued.token) + ",\"expires_on\":\"" +
               std::to_string(issued.expiresAtMs / 1000) + "\",\"resource\":" + json::quote(resource) +
               ",\"token_type\":\"Bearer\",\"client_id\":" + json::quote(identity->clientId) + "}");
  reply.principal = identity->clientId;
  return reply;
}

}  // namespace azureml_emulator
