#include "azureml_emulator/Emulator.h"

#include <Poco/File.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "EmulatorState.h"
#include "Ids.h"
#include "RequestDispatcher.h"
#include "SeedLoader.h"
#include "TlsIdentity.h"

namespace azureml_emulator {

namespace {
const char* kFederatedAudience = "api://AzureADTokenExchange";
}

struct Emulator::Impl {
  explicit Impl(const EmulatorOptions& options) : state(options) {}

  EmulatorState state;
  std::unique_ptr<Poco::ThreadPool> pool;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  uint16_t port = 0;
  std::string caPath;
  bool ownsCaFile = false;
  bool running = false;

  ConnectionStats connections() const {
    ConnectionStats stats;
    if (server) {
      stats.accepted = static_cast<size_t>(server->totalConnections());
      stats.current = static_cast<size_t>(server->currentConnections());
    }
    return stats;
  }

  void writeCaFile(const std::string& pem) {
    caPath = state.options.caCertOut;
    if (caPath.empty()) {
      caPath = Poco::TemporaryFile::tempName() + "-azureml-emulator-ca.pem";
      ownsCaFile = true;
    }
    std::ofstream out(caPath, std::ios::binary | std::ios::trunc);
    out << pem;
    if (!out)
      throw std::runtime_error("cannot write the CA certificate to '" + caPath + "'; check --ca-cert-out");
  }
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(options)) {
  auto& state = impl_->state;
  if (!options.emptySeed) {
    if (options.seedFile.empty())
      SeedLoader::loadDemo(state);
    else
      SeedLoader::loadFile(state, options.seedFile);
  }
}

Emulator::~Emulator() {
  stop();
  if (impl_->ownsCaFile && !impl_->caPath.empty()) {
    try {
      Poco::File(impl_->caPath).remove();
    } catch (...) {
    }
  }
}

void Emulator::start() {
  if (impl_->running) return;
  auto& state = impl_->state;
  const auto& o = state.options;
  Poco::Net::SocketAddress address(o.host, o.port);
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  if (o.https) {
    const TlsIdentity tls = TlsIdentity::generate(o.host);
    impl_->writeCaFile(tls.caCertificatePem());
    socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 128, tls.serverContext());
  } else {
    socket = std::make_unique<Poco::Net::ServerSocket>(address, 128);
  }
  impl_->port = socket->address().port();
  const std::string host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  state.finishStart(std::string(o.https ? "https://" : "http://") + host + ":" + std::to_string(impl_->port));

  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(0);  // unlimited
  params->setKeepAliveTimeout(Poco::Timespan(30, 0));
  params->setMaxThreads(o.maxThreads);
  params->setMaxQueued(256);
  // A connection thread waits this long for more work before it may end; stop() can wait for one such
  // wait to run out (Poco's default is 10 s), so keep it short.
  params->setThreadIdleTime(Poco::Timespan(0, 200000));
  params->setServerName("");
  impl_->pool = std::make_unique<Poco::ThreadPool>(2, std::max(4, o.maxThreads + 1), 60);
  Impl* impl = impl_.get();
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(
      new RequestDispatcherFactory(state, [impl] { return impl->connections(); }), *impl_->pool, *socket,
      params);
  impl_->server->start();
  impl_->running = true;
}

void Emulator::stop() {
  if (!impl_->running) return;
  impl_->state.stopping = true;
  // Poco's acceptor polls every 250 ms; knocking on the port wakes it so stop() returns at once.
  std::atomic<bool> stopped{false};
  std::thread knocker([this, &stopped] {
    const std::string& host = impl_->state.options.host;
    const std::string knockHost =
        host == "0.0.0.0" || host.empty() ? "127.0.0.1" : (host == "::" ? "::1" : host);
    const Poco::Net::SocketAddress address(knockHost, impl_->port);
    while (!stopped) {
      try {
        Poco::Net::StreamSocket knock;
        knock.connect(address, Poco::Timespan(0, 100000));
      } catch (...) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  impl_->server->stopAll(true);
  stopped = true;
  knocker.join();
  impl_->pool->joinAll();
  impl_->server.reset();
  impl_->pool.reset();
  impl_->running = false;
  impl_->state.stopping = false;
}

uint16_t Emulator::port() const { return impl_->port; }
std::string Emulator::baseUrl() const { return impl_->state.baseUrl; }
std::string Emulator::caCertPath() const { return impl_->caPath; }
std::string Emulator::tokenUrl() const { return impl_->state.tokenUrl(); }
std::string Emulator::workspaceArmId() const { return impl_->state.context->workspaceId(); }
std::string Emulator::workspaceUrl() const { return baseUrl() + workspaceArmId(); }
const EmulatorOptions& Emulator::options() const { return impl_->state.options; }

std::string Emulator::mintToken(const std::string& audience) {
  return mintToken(audience, impl_->state.options.tokenLifetimeSeconds);
}

std::string Emulator::mintToken(const std::string& audience, int lifetimeSeconds,
                                const std::string& clientId) {
  auto& state = impl_->state;
  return state.tokens
      .issue(audience, clientId.empty() ? state.builtInClientId : clientId, "Contributor", lifetimeSeconds)
      .token;
}

std::string Emulator::mintFederatedAssertion(const std::string& clientId) {
  return impl_->state.tokens.issue(kFederatedAudience, clientId, "None", 3600).token;
}

Journal& Emulator::journal() { return impl_->state.journal; }
FaultTable& Emulator::faults() { return impl_->state.faults; }
Workspace& Emulator::workspace() { return impl_->state.workspace; }

void Emulator::registerClientSecret(const std::string& tenant, const std::string& clientId,
                                    const std::string& secret, const std::string& role) {
  impl_->state.clients.addSecret(tenant, clientId, secret, role);
}
void Emulator::registerClientCertificate(const std::string& tenant, const std::string& clientId,
                                         const std::string& certPem, const std::string& role) {
  impl_->state.clients.addCertificate(tenant, clientId, certPem, role);
}
void Emulator::registerFederatedClient(const std::string& tenant, const std::string& clientId,
                                       const std::string& role) {
  impl_->state.clients.addFederated(tenant, clientId, role);
}
void Emulator::registerManagedIdentity(const std::string& clientId, const std::string& role) {
  impl_->state.clients.addManagedIdentity(clientId, role);
}

size_t Emulator::tokensIssued(const std::string& clientId) const {
  return impl_->state.tokens.issuedTo(clientId);
}
size_t Emulator::totalTokensIssued() const { return impl_->state.tokens.total(); }
size_t Emulator::connectionsAccepted() const { return impl_->connections().accepted; }
size_t Emulator::requestsServed(const std::string& route) const {
  for (size_t i = 0; i < impl_->state.requestsPerRoute.size(); ++i)
    if (route == routeName(static_cast<Route>(i))) return impl_->state.requestsPerRoute[i].load();
  return 0;
}

}  // namespace azureml_emulator
