// ArmError: the two error dialects the emulator speaks.
//   ARM / Azure ML:   {"error":{"code","message","target"?,"details":[],"additionalInfo":[]}}
//   Entra ID (AADSTS): {"error","error_description","error_codes","timestamp","trace_id","correlation_id"}
#pragma once

#include <string>

#include "HttpExchange.h"

namespace azureml_emulator {

std::string armErrorBody(const std::string& code, const std::string& message, const std::string& target = "");
Reply armError(int status, const std::string& code, const std::string& message,
               const std::string& target = "");

// aadstsCode is the number, e.g. 7000215; the description starts with "AADSTS<code>: ".
std::string aadErrorBody(const std::string& error, int aadstsCode, const std::string& description);
Reply aadError(int status, const std::string& error, int aadstsCode, const std::string& description);

// The error body a failing service answers with, for a status fault on `route`.
Reply faultStatusReply(const std::string& route, int status);

}  // namespace azureml_emulator
