// Ids: random GUIDs for request ids and run ids, without a process-wide lock (one generator per thread).
#pragma once

#include <string>

namespace azureml_emulator::ids {

std::string newGuid();
std::string guidFromName(const std::string& name);  // stable: the same name always gives the same GUID
std::string randomHex(size_t bytes);

}  // namespace azureml_emulator::ids
