// RequestDispatcher: one HTTP exchange from start to end: read the request, pick the route, apply a
// scripted fault, call the route, journal it, and write the reply. Runs on Poco's server threads; it
// holds no lock of its own, so concurrent requests only meet in the shared components.
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>

#include "AdminEndpoint.h"
#include "EmulatorState.h"

namespace azureml_emulator {

class RequestDispatcher : public Poco::Net::HTTPRequestHandler {
 public:
  RequestDispatcher(EmulatorState& state, const std::function<ConnectionStats()>& connections)
      : state_(state), connections_(connections) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

 private:
  EmulatorState& state_;
  const std::function<ConnectionStats()>& connections_;
};

class RequestDispatcherFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  RequestDispatcherFactory(EmulatorState& state, std::function<ConnectionStats()> connections)
      : state_(state), connections_(std::move(connections)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new RequestDispatcher(state_, connections_);
  }

 private:
  EmulatorState& state_;
  std::function<ConnectionStats()> connections_;
};

}  // namespace azureml_emulator
