console.log('veza');
