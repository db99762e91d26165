#include <Poco/String.h>

#include <map>
#include <optional>
#include <string>
#include <variant>

#include "ArmError.h"
#include "ClientAssertionVerifier.h"
#include "IdentityEndpoints.h"
#include "JsonText.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

const char* kJwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const char* kFederatedAudience = "api://AzureADTokenExchange";

Reply missing(const std::string& parameter) {
  return aadError(400, "invalid_request", 900144,
                  "The request body must contain the following parameter: '" + parameter + "'.");
}

Reply tokenReply(const std::string& token, int lifetimeSeconds) {
  const std::string seconds = std::to_string(lifetimeSeconds);
  return Reply::json(200, "{\"token_type\":\"Bearer\",\"expires_in\":" + seconds + ",\"ext_expires_in\":" +
                              seconds + ",\"access_token\":" + json::quote(token) + "}");
}

// Checks the federated assertion: a token this emulator minted for api://AzureADTokenExchange naming the
// client.
void verifyFederated(const EmulatorState& state, const std::string& assertion, const RegisteredClient& client,
                     int64_t now) {
  auto info = state.tokens.lookup(assertion);
  if (!info || info->audience != kFederatedAudience || Poco::icompare(info->clientId, client.clientId) != 0)
    throw AssertionRejected(
        400, "invalid_client", 70021,
        "No matching federated identity record found for presented assertion. Assertion "
        "audience must be api://AzureADTokenExchange and its subject must be federated with "
        "application '" +
            client.clientId + "'.");
  if (info->expiresAtMs < now)
    throw AssertionRejected(400, "invalid_client", 700024,
                            "Client assertion is not within its valid time range.");
}

// The form's fields; an absent field is empty.
class TokenForm {
 public:
  explicit TokenForm(const std::string& body) : fields_(parseQuery(body)) {}
  std::string operator[](const char* name) const {
    auto it = fields_.find(name);
    return it == fields_.end() ? std::string() : it->second;
  }

 private:
  std::map<std::string, std::string> fields_;
};

// Entra's refusal of a request for another tenant, a body that is not a form, or a grant it does not offer.
std::optional<Reply> refuseRequest(const EmulatorOptions& options, const Request& request,
                                   const RouteMatch& match, const TokenForm& form) {
  if (Poco::icompare(match.tenant, options.tenant) != 0)
    return aadError(400, "invalid_request", 90002,
                    "Tenant '" + match.tenant +
                        "' not found. Check to make sure you have the correct tenant ID and "
                        "are signing into the correct cloud.");
  if (request.contentType.find("application/x-www-form-urlencoded") == std::string::npos)
    return missing("grant_type");
  const std::string grantType = form["grant_type"];
  if (grantType.empty()) return missing("grant_type");
  if (grantType != "client_credentials")
    return aadError(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
  if (form["client_id"].empty()) return missing("client_id");
  if (form["scope"].empty()) return missing("scope");
  return std::nullopt;
}

// The resource of a client-credentials scope ("<resource>/.default"), or Entra's refusal of the scope.
std::variant<std::string, Reply> resourceOf(const std::string& scope) {
  const std::string suffix = "/.default";
  if (scope.size() <= suffix.size() ||
      scope.compare(scope.size() - suffix.size(), suffix.size(), suffix) != 0 ||
      scope.find(' ') != std::string::npos)
    return aadError(
        400, "invalid_scope", 1002012,
        "The provided value for scope " + scope +
            " is not valid. Client credential flows must have a "
            "scope value with /.default suffixed to the resource identifier (application ID URI).");
  return scope.substr(0, scope.size() - suffix.size());
}

// Checks the client's proof (a secret, or a certificate or federated assertion); Entra's refusal if it fails.
std::optional<Reply> refuseCredential(const EmulatorState& state, const TokenForm& form,
                                      const RegisteredClient& client) {
  const std::string secret = form["client_secret"];
  const std::string assertion = form["client_assertion"];
  if (!secret.empty()) {
    if (client.secret.empty() || secret != client.secret)
      return aadError(
          401, "invalid_client", 7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client "
          "secret value, not the client secret ID, for a secret added to app '" +
              client.clientId + "'.");
    return std::nullopt;
  }
  if (assertion.empty())
    return aadError(
        401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  if (form["client_assertion_type"] != kJwtBearer)
    return aadError(400, "invalid_request", 700025,
                    "The client_assertion_type must be " + std::string(kJwtBearer) + ".");
  const int64_t now = timetext::nowMillis();
  try {
    if (client.federated && client.certificate.isNull())
      verifyFederated(state, assertion, client, now);
    else
      ClientAssertionVerifier::verify(
          assertion, client, {state.tokenUrl(), state.baseUrl + "/" + state.options.tenant + "/v2.0"}, now);
  } catch (const AssertionRejected& e) {
    return aadError(e.status, e.error, e.code, e.what());
  }
  return std::nullopt;
}

}  // namespace

Reply handleTokenRequest(EmulatorState& state, const Request& request, const RouteMatch& match) {
  const auto& options = state.options;
  const TokenForm form(request.body);
  if (auto refusal = refuseRequest(options, request, match, form)) return *refusal;
  auto resource = resourceOf(form["scope"]);
  if (auto* refusal = std::get_if<Reply>(&resource)) return *refusal;
  const std::string clientId = form["client_id"];
  auto client = state.clients.find(match.tenant, clientId);
  if (!client)
    return aadError(400, "unauthorized_client", 700016,
                    "Application with identifier '" + clientId + "' was not found in the directory '" +
                        options.tenant +
                        "'. This can happen if the application has not been installed by the "
                        "administrator of the tenant.");
  if (auto refusal = refuseCredential(state, form, *client)) return *refusal;
  const std::string& resourceName = std::get<std::string>(resource);
  if (!state.isKnownResource(resourceName))
    return aadError(400, "invalid_resource", 500011,
                    "The resource principal named " + resourceName + " was not found in the tenant named " +
                        options.tenant +
                        ". This can happen if the application has not been installed by the "
                        "administrator of the tenant or consented to by any user in the tenant.");
  auto issued =
      state.tokens.issue(resourceName, client->clientId, client->role, options.tokenLifetimeSeconds);
  Reply reply = tokenReply(issued.token, options.tokenLifetimeSeconds);
  reply.principal = client->clientId;
  return reply;
}

}  // namespace azureml_emulator
