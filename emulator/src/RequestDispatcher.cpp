#include "RequestDispatcher.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <atomic>
#include <istream>
#include <optional>

#include "ArmError.h"
#include "IdentityEndpoints.h"
#include "Ids.h"
#include "JsonText.h"
#include "ReplyWriter.h"
#include "ServiceEndpoints.h"
#include "TimeText.h"

namespace azureml_emulator {

namespace {

constexpr size_t kMaxBodyBytes = 4u * 1024u * 1024u;  // ARM refuses larger request bodies (413)
constexpr size_t kDrainLimitBytes = 64u * 1024u * 1024u;

const char* kJournaledHeaders[] = {"Authorization",
                                   "x-azureml-token",
                                   "x-ms-client-request-id",
                                   "x-ms-correlation-request-id",
                                   "x-ms-return-client-request-id",
                                   "User-Agent",
                                   "Content-Type",
                                   "Accept",
                                   "Metadata",
                                   "X-IDENTITY-HEADER"};

std::string maskHeader(const std::string& name, const std::string& value) {
  if (Poco::icompare(name, "Authorization") == 0) {
    const size_t space = value.find(' ');
    return space == std::string::npos ? "***" : value.substr(0, space) + " ***";
  }
  if (Poco::icompare(name, "x-azureml-token") == 0 || Poco::icompare(name, "X-IDENTITY-HEADER") == 0)
    return "***";
  return value;
}

// client_secret and client_assertion never reach the journal.
std::string maskForm(const std::string& body) {
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    std::string pair = body.substr(start, end - start);
    const size_t eq = pair.find('=');
    const std::string key = pair.substr(0, eq);
    if (eq != std::string::npos && (key == "client_secret" || key == "client_assertion")) pair = key + "=***";
    if (!out.empty() || start > 0) out += '&';
    out += pair;
    start = end + 1;
  }
  return out;
}

bool isPreFault(FaultKind kind) {
  return kind == FaultKind::Status || kind == FaultKind::ResetBeforeHeaders ||
         kind == FaultKind::MalformedJson || kind == FaultKind::WrongContentType ||
         kind == FaultKind::OversizedBody;
}

std::string retryAfterValue(const std::string& spec) {
  const std::string prefix = "http-date+";
  if (spec.compare(0, prefix.size(), prefix) == 0) {
    const long seconds = std::strtol(spec.c_str() + prefix.size(), nullptr, 10);
    return timetext::httpDate(timetext::nowMillis() + seconds * 1000);
  }
  return spec;
}

Reply preFaultReply(const Fault& fault, const std::string& route) {
  Reply reply;
  switch (fault.kind) {
    case FaultKind::Status:
      reply = faultStatusReply(route, fault.status);
      break;
    case FaultKind::MalformedJson:
      reply = Reply::json(200,
                          "{\"id\":\"/subscriptions/00000000/resourceGroups/rg\",\"properties\":{\"status\":"
                          "\"Running\",\"inputs\":{\"learning_rate\":{\"jobInputType\":\"lit");
      break;
    default:  // WrongContentType and the headers of OversizedBody
      reply.status = 200;
      reply.contentType = "text/html; charset=utf-8";
      reply.body =
          "<!DOCTYPE html><html><head><title>Gateway</title></head><body><h1>Please sign in to the "
          "network</h1><p>This page was served instead of the API response.</p></body></html>";
      if (fault.kind == FaultKind::OversizedBody) reply.contentType = "application/json; charset=utf-8";
  }
  if (!fault.retryAfter.empty()) reply.set("Retry-After", retryAfterValue(fault.retryAfter));
  if (fault.retryAfterMs >= 0) {
    reply.set("retry-after-ms", std::to_string(fault.retryAfterMs));
    reply.set("x-ms-retry-after-ms", std::to_string(fault.retryAfterMs));
  }
  return reply;
}

// Reads the request; false when the body is over ARM's limit (the caller answers 413).
bool readRequest(Poco::Net::HTTPServerRequest& in, Request& out) {
  out.method = in.getMethod();
  const std::string& uri = in.getURI();
  const size_t q = uri.find('?');
  try {
    Poco::URI::decode(uri.substr(0, q), out.path);
  } catch (...) {
    out.path = uri.substr(0, q);
  }
  if (q != std::string::npos) out.query = uri.substr(q + 1);
  out.params = parseQuery(out.query);
  out.segments = splitPath(out.path);
  out.headers = in;
  out.contentType = in.getContentType();
  out.clientAddress = in.clientAddress().host().toString();
  std::istream& stream = in.stream();
  char buffer[16384];
  size_t received = 0;
  // An oversized body is still read (and dropped, up to a bound) so the client gets the 413 instead of
  // a broken pipe halfway through sending.
  while ((stream.read(buffer, sizeof buffer) || stream.gcount() > 0) && received < kDrainLimitBytes) {
    received += static_cast<size_t>(stream.gcount());
    if (received <= kMaxBodyBytes) out.body.append(buffer, static_cast<size_t>(stream.gcount()));
  }
  if (received > kMaxBodyBytes) out.body.clear();
  return received <= kMaxBodyBytes;
}

// The first `digits` hex digits of a GUID (Azure's correlation ids are bare hex).
std::string hex(const std::string& guid, size_t digits) {
  std::string out;
  for (char c : guid)
    if (c != '-' && out.size() < digits) out += c;
  return out;
}

bool isIdentityRoute(Route route) {
  return route == Route::Token || route == Route::Imds || route == Route::AppService;
}

// What Azure's front doors add to every reply of the ARM, discovery and Run History routes: the reply type
// header, an error's additionalInfo (component, correlation, environment, location, time), and the framing of
// a GET's body (gzip and chunked when the client accepts gzip).
void dressAsAzure(const EmulatorState& state, const Request& request, Route route,
                  const std::string& requestId, Reply& reply) {
  if (isIdentityRoute(route) || route == Route::Unknown) return;
  // A bare 404 (no body, as Azure answers an unknown compute) is still "standard".
  reply.set("x-ms-response-type", reply.status >= 400 && !reply.body.empty() ? "error" : "standard");
  const std::string emptyInfo = "\"additionalInfo\":[]}}";
  if (reply.status >= 400 && reply.body.size() >= emptyInfo.size() &&
      reply.body.compare(reply.body.size() - emptyInfo.size(), emptyInfo.size(), emptyInfo) == 0) {
    const std::string region = json::quote(state.context->region);
    reply.body.resize(reply.body.size() - 3);  // drops "]}}"
    reply.body +=
        "{\"type\":\"ComponentName\",\"info\":{\"value\":\"managementfrontend\"}},"
        "{\"type\":\"Correlation\",\"info\":{\"value\":{\"operation\":\"" +
        hex(ids::guidFromName("op:" + requestId), 32) + "\",\"request\":\"" + hex(requestId, 16) +
        "\"}}},"
        "{\"type\":\"Environment\",\"info\":{\"value\":" +
        region +
        "}},"
        "{\"type\":\"Location\",\"info\":{\"value\":" +
        region +
        "}},"
        "{\"type\":\"Time\",\"info\":{\"value\":" +
        json::quote(timetext::runHistory(timetext::nowMillis())) + "}}]}}";
  }
  // Recorded GETs: gzip-encoded and chunked for a client that accepts gzip (Azure's Python SDK), plain with a
  // Content-Length for one that does not (Azure PowerShell's recordings).
  if (request.method == "GET" && reply.status == 200 && !reply.body.empty()) {
    reply.gzip = Poco::toLower(request.header("Accept-Encoding")).find("gzip") != std::string::npos;
    reply.chunked = reply.gzip;
    reply.set("Vary", "Accept-Encoding");
  }
}

// What the journal keeps of a request: secrets masked (tokens in headers, secrets in token forms).
JournalEntry journalEntryOf(const Request& request, const RouteMatch& match, const std::string& route) {
  JournalEntry entry;
  entry.timeMs = timetext::nowMillis();
  entry.route = route;
  entry.method = request.method;
  entry.path = request.path;
  entry.query = request.query;
  for (const char* name : kJournaledHeaders)
    if (request.headers.has(name)) entry.headers.emplace_back(name, maskHeader(name, request.header(name)));
  entry.body = match.route == Route::Token ? maskForm(request.body) : request.body;
  return entry;
}

// The endpoint's own reply to a request within the size limit.
Reply endpointReply(EmulatorState& state, const Request& request, const RouteMatch& match) {
  switch (match.route) {
    case Route::Token:
      return handleTokenRequest(state, request, match);
    case Route::Imds:
      return handleImdsRequest(state, request);
    case Route::AppService:
      return handleAppServiceRequest(state, request);
    case Route::Discovery:
      return handleDiscoveryRequest(state, request);
    case Route::HistoryRun:
    case Route::HistoryChildren:
      return handleRunHistoryRequest(state, request, match);
    case Route::Unknown:
      return armError(404, "NotFound",
                      "No emulated Azure endpoint serves " + request.method + " " + request.path +
                          ". See emulator/README.md for the routes.");
    default:
      return handleArmRequest(state, request, match);
  }
}

// Azure's correlation headers: a fresh request id, the client's correlation and client request ids echoed.
void stampIds(const Request& request, const std::string& requestId, Reply& reply) {
  reply.set("x-ms-request-id", requestId);
  const std::string correlation = request.header("x-ms-correlation-request-id");
  reply.set("x-ms-correlation-request-id", correlation.empty() ? ids::newGuid() : correlation);
  if (request.headers.has("x-ms-client-request-id"))
    reply.set("x-ms-client-request-id", request.header("x-ms-client-request-id"));
}

bool dropsBeforeHeaders(const std::optional<Fault>& fault) {
  return fault &&
         (fault->kind == FaultKind::ResetBeforeHeaders || fault->kind == FaultKind::PutAppliedResponseLost);
}

// Sends the reply whole, or as the fault damages it (oversized, cut, reset, trickled ...).
void sendReply(Poco::Net::HTTPServerRequest& httpRequest, Poco::Net::HTTPServerResponse& httpResponse,
               const Reply& reply, const std::optional<Fault>& fault, bool withinLimit,
               const std::atomic<bool>& stopping) {
  try {
    if (!fault || (withinLimit && fault->kind == FaultKind::Status) ||
        fault->kind == FaultKind::MalformedJson || fault->kind == FaultKind::WrongContentType ||
        !withinLimit) {
      ReplyWriter::send(httpRequest, httpResponse, reply);
    } else if (fault->kind == FaultKind::OversizedBody) {
      ReplyWriter::sendOversized(httpResponse, reply, fault->sizeBytes);
    } else {
      ReplyWriter::sendDamaged(httpRequest, httpResponse, reply, *fault, stopping);
    }
  } catch (const Poco::Exception&) {
    // The client went away mid-response (often on purpose, e.g. an oversized body): nothing to do.
  } catch (const std::exception&) {
  }
}

}  // namespace

void RequestDispatcher::handleRequest(Poco::Net::HTTPServerRequest& httpRequest,
                                      Poco::Net::HTTPServerResponse& httpResponse) {
  Request request;
  const bool withinLimit = readRequest(httpRequest, request);
  const RouteMatch match = classifyRequest(request);
  if (match.route == Route::Admin) {
    const bool loopback = httpRequest.clientAddress().host().isLoopback();
    ReplyWriter::send(httpRequest, httpResponse,
                      loopback ? handleAdminRequest(state_, request, connections_)
                               : Reply::json(403, "{\"error\":\"admin API is loopback-only\"}"));
    return;
  }
  const std::string route = routeName(match.route);
  state_.requestsPerRoute[static_cast<size_t>(match.route)].fetch_add(1, std::memory_order_relaxed);
  std::optional<JournalEntry> entry;
  if (state_.options.journal) entry = journalEntryOf(request, match, route);

  std::optional<Fault> fault = match.route == Route::Unknown ? std::nullopt : state_.faults.take(route);
  Reply reply;
  if (!withinLimit) {
    reply = armError(
        413, "RequestEntityTooLarge",
        "The request content size exceeds the maximum size of 4 MB allowed by Azure Resource Manager.");
    httpResponse.setKeepAlive(false);
  } else if (fault && isPreFault(fault->kind)) {
    reply = preFaultReply(*fault, route);
  } else {
    reply = endpointReply(state_, request, match);
  }
  const std::string requestId = ids::newGuid();
  if (!fault) dressAsAzure(state_, request, match.route, requestId, reply);
  stampIds(request, requestId, reply);

  if (entry) {
    entry->status = dropsBeforeHeaders(fault) ? 0 : reply.status;
    entry->principal = reply.principal;
    entry->fault = fault ? Fault::kindName(fault->kind) : "";
    state_.journal.record(std::move(*entry));  // before the reply, so a client that got it finds the entry
  }
  sendReply(httpRequest, httpResponse, reply, fault, withinLimit, state_.stopping);
}

}  // namespace azureml_emulator
