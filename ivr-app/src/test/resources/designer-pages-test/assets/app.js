document.getElementById("root").dataset.loaded = "yes";
