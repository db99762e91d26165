// ErrorBodyDecoder: reads the error out of an Azure reply body, whichever service wrote it:
//   ARM / Azure ML:        { "error": { "code": "...", "message": "..." } }
//   Entra ID / IMDS / MSI: { "error": "invalid_client", "error_description": "AADSTS7000215: ...", "trace_id": ... }
// (Our own small decoder: the azureml/ layer's ArmErrorDecoder did not exist when this was written, and the
// transport must not depend on the pure-JSON layer.) Pure function; thread-safe.
#pragma once

#include <string>

namespace aifoundry::arm {

struct DecodedError {
    std::string code;     // ARM error.code, else the AADSTS number ("AADSTS7000215"), else Entra "error"
    std::string message;  // first line of the message / error_description
    std::string traceId;  // Entra trace_id when present
};

DecodedError decodeErrorBody(const std::string& body);

}  // namespace aifoundry::arm
