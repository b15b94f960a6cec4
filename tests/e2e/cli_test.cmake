# Runs branch-kiosk as an operator would: check-config on good and bad files, screenshot, --version, the
# now-serving display role headless.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(expect_exit expected)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  if(NOT code EQUAL expected)
    message(FATAL_ERROR "expected exit ${expected}, got ${code}: ${ARGN}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()

expect_exit(0 ${KIOSK} check-config ${ASSETS}/kiosk.toml)

file(WRITE ${WORK}/bad.toml "[kiosk]\nbranch_id = \"a/b\"\ntime_zone = \"Europe/Nowhere\"\n[display]\nwidht = 10\n")
expect_exit(2 ${KIOSK} check-config ${WORK}/bad.toml)
foreach(needle "bad.toml:2" "kiosk.branch_id" "bad.toml:3" "kiosk.time_zone" "bad.toml:5" "display.widht")
  string(FIND "${last_output}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "check-config output lacks '${needle}':\n${last_output}")
  endif()
endforeach()

expect_exit(2 ${KIOSK} run --headless --config ${WORK}/bad.toml --data-dir ${WORK}/data)
if(EXISTS ${WORK}/data/kiosk.db)
  message(FATAL_ERROR "a kiosk with a bad config must not start (it created a database)")
endif()

expect_exit(0 ${KIOSK} screenshot --screen language --lang zh-Hans --size 800x480 --out ${WORK}/shot.png --data-dir ${WORK}/data)
file(SIZE ${WORK}/shot.png png_size)
if(png_size LESS 2000)
  message(FATAL_ERROR "screenshot PNG suspiciously small: ${png_size} bytes")
endif()
expect_exit(1 ${KIOSK} screenshot --screen nowhere --lang en --size 800x480 --out ${WORK}/x.png --data-dir ${WORK}/data)
expect_exit(0 ${KIOSK} --version)

# hash-pin reads the PIN from stdin; its output line is a valid staff.pin_hashes entry.
file(WRITE ${WORK}/pin.txt "2468\n")
execute_process(COMMAND ${KIOSK} hash-pin --slot manager --role manager INPUT_FILE ${WORK}/pin.txt
                RESULT_VARIABLE code OUTPUT_VARIABLE entry ERROR_VARIABLE err TIMEOUT 60)
if(NOT code EQUAL 0 OR NOT entry MATCHES "^\"manager:manager:pbkdf2-sha256\\$210000\\$")
  message(FATAL_ERROR "hash-pin failed (${code}): ${entry}${err}")
endif()
string(FIND "${entry}" "2468" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "hash-pin printed the PIN: ${entry}")
endif()
string(STRIP "${entry}" entry)
file(WRITE ${WORK}/staff.toml "[staff]\npin_hashes = [${entry}]\n")
expect_exit(0 ${KIOSK} check-config ${WORK}/staff.toml)
file(WRITE ${WORK}/weak_pin.txt "1234\n")
execute_process(COMMAND ${KIOSK} hash-pin INPUT_FILE ${WORK}/weak_pin.txt RESULT_VARIABLE code
                OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT code EQUAL 1 OR NOT out STREQUAL "")
  message(FATAL_ERROR "hash-pin must refuse a straight run (${code}): ${out}${err}")
endif()

# The now-serving display role, headless: with no counter link it says so, shows no call, chimes never,
# says once whether it has sound, and writes its screen.
expect_exit(0 ${KIOSK} run --role display --headless --duration 1 --data-dir ${WORK}/display
            --out-dir ${WORK}/display-out)
foreach(needle "now-serving display headless" "Counter link: no link" "waiting for the counter link"
               "0 calls shown" "0 chimes")
  string(FIND "${last_output}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "run --role display output lacks '${needle}':\n${last_output}")
  endif()
endforeach()
if(NOT last_output MATCHES "display: (chime on|no audio device: chime off)")
  message(FATAL_ERROR "run --role display does not say whether it chimes:\n${last_output}")
endif()
file(SIZE ${WORK}/display-out/now_serving.png display_png_size)
if(display_png_size LESS 2000)
  message(FATAL_ERROR "display PNG suspiciously small: ${display_png_size} bytes")
endif()
# The link flags belong to the display role.
expect_exit(2 ${KIOSK} run --headless --link https://appliance:8443 --data-dir ${WORK}/display)
