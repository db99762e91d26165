// Emulator: an in-process Azure stand-in (Entra ID tokens, managed identity, ARM Azure ML jobs, Run History)
// on one loopback port. Tests own one Emulator each (port 0), so they can run in parallel.
//
// Threading: construct, configure (register*), then start(); every other member is thread-safe and may be
// called while requests are served. stop() (also run by the destructor) waits for in-flight requests.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "azureml_emulator/EmulatorOptions.h"
#include "azureml_emulator/FaultTable.h"
#include "azureml_emulator/Journal.h"
#include "azureml_emulator/Workspace.h"

namespace azureml_emulator {

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  void start();  // binds, creates the TLS identity (https), starts serving; throws on failure
  void stop();

  uint16_t port() const;
  std::string baseUrl() const;         // "https://127.0.0.1:PORT" (http:// when options.https is false)
  std::string caCertPath() const;      // PEM of the CA that signed the server certificate (https)
  std::string tokenUrl() const;        // baseUrl()/{tenant}/oauth2/v2.0/token
  std::string workspaceArmId() const;  // /subscriptions/.../workspaces/{ws}
  std::string workspaceUrl() const;    // baseUrl() + workspaceArmId()
  const EmulatorOptions& options() const;

  // A valid bearer token for `audience` (e.g. "https://management.azure.com"), issued to a built-in
  // Contributor principal; lifetimeSeconds < 0 gives an already expired token.
  std::string mintToken(const std::string& audience);
  std::string mintToken(const std::string& audience, int lifetimeSeconds, const std::string& clientId = "");
  // A token the workload-identity exchange accepts as client_assertion for a federated client
  // (audience api://AzureADTokenExchange).
  std::string mintFederatedAssertion(const std::string& clientId);

  Journal& journal();
  FaultTable& faults();
  Workspace& workspace();

  // Roles: "Contributor" (default) may read and write, "Reader" only read, "None" nothing (ARM answers 403).
  void registerClientSecret(const std::string& tenant, const std::string& clientId, const std::string& secret,
                            const std::string& role = "Contributor");
  void registerClientCertificate(const std::string& tenant, const std::string& clientId,
                                 const std::string& certPem, const std::string& role = "Contributor");
  void registerFederatedClient(const std::string& tenant, const std::string& clientId,
                               const std::string& role = "Contributor");
  void registerManagedIdentity(const std::string& clientId, const std::string& role = "Contributor");

  size_t tokensIssued(const std::string& clientId) const;
  size_t totalTokensIssued() const;
  size_t connectionsAccepted() const;
  size_t requestsServed(const std::string& route) const;  // route names as in FaultTable

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace azureml_emulator
