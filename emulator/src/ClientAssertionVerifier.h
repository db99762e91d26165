// ClientAssertionVerifier: checks a certificate client assertion (RFC 7523 JWT) the way Entra ID does:
// x5t/kid names the registered certificate, RS256 signature by its key, aud = the token URL,
// iss = sub = client_id, and exp/nbf around now. Pure apart from reading the clock.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "ClientDirectory.h"

namespace azureml_emulator {

struct AssertionRejected : std::runtime_error {
  AssertionRejected(int status_, std::string error_, int code_, const std::string& description)
      : std::runtime_error(description), status(status_), error(std::move(error_)), code(code_) {}
  int status;
  std::string error;
  int code;  // AADSTS number
};

class ClientAssertionVerifier {
 public:
  // acceptedAudiences: the token URL (and the tenant's v2.0 issuer). Throws AssertionRejected.
  static void verify(const std::string& assertion, const RegisteredClient& client,
                     const std::vector<std::string>& acceptedAudiences, int64_t nowMs);
};

}  // namespace azureml_emulator
